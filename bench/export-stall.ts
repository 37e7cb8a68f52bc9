/**
 * `npm run bench:export-stall [-- --quick] [--ideamill-dir=PATH] [--out=FILE]`: what exports
 * cost everyone else (BENCHMARKS §10). A board of 5,000 notes (quick: 500) and a saved version
 * of it. Three scenes, each in every round, while a probe asks `/healthz` every 10 ms, one
 * request at a time: the longest it waited is how long the server's event loop, every board's
 * sync with it, was held.
 * - `one member`: a member who has not exported yet asks for 20 SVG exports at once (a script,
 *   a stuck button); the export budget refuses most.
 * - `many members`: 20 members each ask for one SVG export at the same moment (the end of a
 *   workshop).
 * - `versions`: 20 members each preview the saved version (its Markdown, as the history panel
 *   shows it) at the same moment.
 * - `closed board`: 20 members each ask for one SVG export at the same moment of the board
 *   after everyone has left it and it has unloaded (the organiser's downloads after the
 *   workshop). The other scenes keep a member connected, so that the board stays loaded.
 * The server's limits are its defaults, but for IDLE_UNLOAD_MS (UNLOAD_MS here). PATH runs
 * another checkout's server, for a before and after.
 */
import path from 'node:path';
import { connect, populate, post, waitUntil, writeResults } from './board-fixture.ts';
import { startIdeamill } from './peers/ideamill.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const dirArg = process.argv.find((arg) => arg.startsWith('--ideamill-dir='));
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const NOTES = quick ? 500 : 5_000;
const AT_ONCE = quick ? 5 : 20;
const ROUNDS = quick ? 1 : 3;
const PROBE_EVERY_MS = 10;
/** A board nobody is connected to unloads this long after its last use (and a sweep). */
const UNLOAD_MS = 1_500;
const SCENES = ['closed board', 'one member', 'many members', 'versions'] as const;
type Scene = (typeof SCENES)[number];

interface Round {
  scene: Scene;
  built: number;
  refused: number;
  /** The longest a /healthz request waited for its answer meanwhile. */
  longestWaitMs: number;
  medianWaitMs: number;
  /** From the first export asked to the last answered. */
  ms: number;
}

const peer = await startIdeamill({
  ideamillDir: dirArg ? path.resolve(dirArg.slice('--ideamill-dir='.length)) : undefined,
  env: { IDLE_UNLOAD_MS: String(UNLOAD_MS) },
});
/** A member connected while the board is to stay loaded: one nobody is on unloads. */
let keeper: ReturnType<typeof connect> | null = null;
const leave = () => {
  keeper?.provider.destroy();
  keeper?.doc.destroy();
  keeper = null;
};
try {
  const boardId = await peer.newRoom();
  // The facilitator, then per round one member for `one member` and AT_ONCE for each other.
  const [facilitator, ...members] = await peer.credentials(boardId, 1 + ROUNDS * (1 + 3 * AT_ONCE));
  const keepOpen = async () => {
    const connected = connect(peer.origin, boardId, facilitator!);
    keeper = connected;
    await connected.synced;
    return connected;
  };
  const writer = await keepOpen();
  populate(writer.doc, NOTES);
  await waitUntil(() => !writer.provider.unacknowledged, 'notes stored', 300_000);
  const version = await post<{ id: string }>(
    `${peer.origin}/api/boards/${boardId}/snapshots`,
    { name: 'bench' },
    facilitator,
  );

  const exportAs = async (token: string, query: string) => {
    const reply = await fetch(`${peer.origin}/api/boards/${boardId}/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await reply.arrayBuffer();
    return reply.status;
  };
  const manyMembers = () =>
    members.splice(0, AT_ONCE).map((token) => exportAs(token, 'format=svg'));
  /** Before each scene: the board loaded with someone on it, or left and unloaded. */
  const prepare = async (scene: Scene) => {
    if (scene !== 'closed board') {
      if (keeper) return;
      await keepOpen();
      // A board opened from the store integrates its state a second after the sync
      // (INTEGRATE_AFTER_SYNC_MS), on the event loop: not in the scene's measurement.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      return;
    }
    leave();
    const deadline = performance.now() + UNLOAD_MS * 10;
    while (
      !/^ideamill_boards_loaded 0$/m.test(await (await fetch(`${peer.origin}/metrics`)).text())
    ) {
      if (performance.now() > deadline) throw new Error('the board did not unload');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const asks: Record<Scene, () => Promise<number>[]> = {
    'closed board': manyMembers,
    'one member': () => {
      const token = members.shift()!;
      return Array.from({ length: AT_ONCE }, () => exportAs(token, 'format=svg'));
    },
    'many members': manyMembers,
    versions: () =>
      members
        .splice(0, AT_ONCE)
        .map((token) => exportAs(token, `format=md&snapshot=${version.id}`)),
  };

  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const scene of SCENES) {
      await prepare(scene);
      const waits: number[] = [];
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const started = performance.now();
          await (await fetch(`${peer.origin}/healthz`)).text();
          waits.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
        }
      })();
      const started = performance.now();
      const statuses = await Promise.all(asks[scene]());
      const ms = performance.now() - started;
      probing = false;
      await probe;
      const unexpected = statuses.filter((status) => status !== 200 && status !== 429);
      if (unexpected.length > 0) throw new Error(`exports answered ${unexpected.join(', ')}`);
      const result: Round = {
        scene,
        built: statuses.filter((status) => status === 200).length,
        refused: statuses.filter((status) => status === 429).length,
        longestWaitMs: Math.max(...waits),
        medianWaitMs: median(waits),
        ms,
      };
      rounds.push(result);
      console.log(
        `${scene.padEnd(12)}: ${result.built} built, ${result.refused} refused in ` +
          `${ms.toFixed(0)} ms; /healthz waited ${result.longestWaitMs.toFixed(0)} ms at most ` +
          `(median ${result.medianWaitMs.toFixed(1)})`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  writeResults(
    'export-stall',
    {
      workload: 'export-stall',
      notes: NOTES,
      atOnce: AT_ONCE,
      ideamillDir: dirArg ?? null,
      unloadMs: UNLOAD_MS,
      rounds,
    },
    outArg,
  );
} finally {
  leave();
  await peer.stop();
}
