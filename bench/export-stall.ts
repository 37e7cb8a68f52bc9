/**
 * `npm run bench:export-stall [-- --quick] [--ideamill-dir=PATH] [--out=FILE]`: what one
 * member's exports cost everyone else (BENCHMARKS §10). A board of 5,000 notes (quick: 500);
 * in each round a member who has not exported yet asks for 20 SVG exports at once (a script, a
 * stuck button), while a probe asks `/healthz` every 10 ms, one request at a time: the longest
 * it waited is how long the server's event loop, every board's sync with it, was held. The
 * server's limits are its defaults. PATH runs another checkout's server, for a before and after.
 */
import path from 'node:path';
import { connect, populate, waitUntil, writeResults } from './board-fixture.ts';
import { startIdeamill } from './peers/ideamill.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const dirArg = process.argv.find((arg) => arg.startsWith('--ideamill-dir='));
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const NOTES = quick ? 500 : 5_000;
const AT_ONCE = quick ? 5 : 20;
const ROUNDS = quick ? 1 : 3;
const PROBE_EVERY_MS = 10;

interface Round {
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
});
try {
  const boardId = await peer.newRoom();
  const [facilitator, ...members] = await peer.credentials(boardId, 1 + ROUNDS);
  const writer = connect(peer.origin, boardId, facilitator!);
  await writer.synced;
  populate(writer.doc, NOTES);
  await waitUntil(() => !writer.provider.unacknowledged, 'notes stored', 300_000);
  writer.provider.destroy();

  const rounds: Round[] = [];
  for (const token of members) {
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
    const statuses = await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        const reply = await fetch(`${peer.origin}/api/boards/${boardId}/export?format=svg`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await reply.arrayBuffer();
        return reply.status;
      }),
    );
    const ms = performance.now() - started;
    probing = false;
    await probe;
    const unexpected = statuses.filter((status) => status !== 200 && status !== 429);
    if (unexpected.length > 0) throw new Error(`exports answered ${unexpected.join(', ')}`);
    const round: Round = {
      built: statuses.filter((status) => status === 200).length,
      refused: statuses.filter((status) => status === 429).length,
      longestWaitMs: Math.max(...waits),
      medianWaitMs: median(waits),
      ms,
    };
    rounds.push(round);
    console.log(
      `${AT_ONCE} SVG exports at once: ${round.built} built, ${round.refused} refused in ` +
        `${ms.toFixed(0)} ms; /healthz waited ${round.longestWaitMs.toFixed(0)} ms at most ` +
        `(median ${round.medianWaitMs.toFixed(1)})`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  writeResults(
    'export-stall',
    {
      workload: 'export-stall',
      notes: NOTES,
      atOnce: AT_ONCE,
      ideamillDir: dirArg ?? null,
      rounds,
    },
    outArg,
  );
} finally {
  await peer.stop();
}
