/**
 * `npm run bench:votes [-- --quick] [--cpu-prof] [--out=FILE]`: the vote storm. 300 members
 * (quick: 30) each cast 7 votes over Socket.io in a round with budget 5 (so 2 of each member's
 * are refused): every vote is checked and written in one SQLite transaction (a savepoint in the
 * transaction of its event-loop turn) and acknowledged once that has committed. Two modes:
 *   burst      every member fires all 7 at the same instant (2,100 requests in flight);
 *   sequential every member casts as fast as it can, one after another, waiting for each
 *              acknowledgement (300 in flight), as people clicking do.
 * Each repetition of a mode starts a new server and runs several storms on it, each a new round:
 * the first after start (V8 is still compiling the vote path, as on the first round after a
 * restart), then unrecorded ones, then a warm one (as on a server that has run rounds before).
 * Both recorded storms report throughput, latency (send → acknowledgement), CPU per vote of the
 * server and of the clients' process; every storm counts violations (a member over budget, an
 * item over its cap, results that differ from a recount).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { SocketIoProvider } from '../client/src/sync/socketio-provider.ts';
import { addItem } from '../shared/board-document.ts';
import type { AckResult } from '../shared/events.ts';
import type { CloseRoundResponse, RoundView } from '../shared/facilitation.ts';
import { ROOT } from './child.ts';
import { type IdeamillPeer, startIdeamill } from './peers/ideamill.ts';
import { cpuWindow } from './proc.ts';
import { median, summarize } from './stats.ts';

const quick = process.argv.includes('--quick');
const cpuProf = process.argv.includes('--cpu-prof');
const outArg = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
const MEMBERS = quick ? 30 : 300;
const VOTES_EACH = 7;
const BUDGET = 5;
const MAX_PER_ITEM = 2;
const ITEMS = 40;
const REPS = quick ? 1 : 3;
/** Unrecorded storms between the first one after start and the warm one. */
const WARM_UP_STORMS = 2;

async function post<T>(origin: string, route: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(`${origin}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type Mode = 'burst' | 'sequential';

/** One recorded storm: a round of MEMBERS × VOTES_EACH votes. */
export interface Storm {
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  /** Burst only: how long the client took to send every request. */
  sendingMs: number;
  serverCpuUsPerVote: number;
  clientCpuUsPerVote: number;
  accepted: number;
  refusals: Record<string, number>;
  violations: number;
}

/** One repetition of a mode: its two recorded storms, and the violations of all its storms. */
interface Repetition {
  first: Storm;
  warm: Storm;
  violations: number;
}

/** A server with a board of notes and its members connected; storm() runs one recorded round. */
async function stormsOn(
  peer: IdeamillPeer,
  boardId: string,
  facilitator: string,
  sockets: Socket[],
  notes: string[],
) {
  const openRound = async (budget: number) =>
    (
      await post<RoundView>(peer.origin, `/api/boards/${boardId}/rounds`, facilitator, {
        budget,
        maxPerItem: Math.min(MAX_PER_ITEM, budget),
      })
    ).round.id;
  const closeRound = (roundId: string) =>
    post<CloseRoundResponse>(
      peer.origin,
      `/api/boards/${boardId}/rounds/${roundId}/close`,
      facilitator,
      {},
    );
  const cast = (roundId: string, socket: Socket, itemId: string) => {
    const sent = performance.now();
    return new Promise<{ ms: number; result: AckResult<unknown> }>((resolve) => {
      socket.emit('round:vote', { roundId, itemId }, (result: AckResult<unknown>) =>
        resolve({ ms: performance.now() - sent, result }),
      );
    });
  };

  // The connections' first requests: a round of one vote each, closed.
  const firstRound = await openRound(1);
  await Promise.all(sockets.map((socket, m) => cast(firstRound, socket, notes[m % ITEMS]!)));
  await closeRound(firstRound);

  return async (mode: Mode): Promise<Storm> => {
    const roundId = await openRound(BUDGET);
    const latencies: number[] = [];
    const accepted = new Map<string, number>();
    const refusals = new Map<string, number>();
    const record = async (socket: Socket, itemId: string) => {
      const { ms, result } = await cast(roundId, socket, itemId);
      latencies.push(ms);
      if (result.ok) accepted.set(itemId, (accepted.get(itemId) ?? 0) + 1);
      else refusals.set(result.error.code, (refusals.get(result.error.code) ?? 0) + 1);
    };
    const serverCpu = cpuWindow(peer.pid);
    const clientCpu = process.cpuUsage();
    const started = performance.now();
    let sendingMs = 0;
    if (mode === 'burst') {
      const votes = sockets.flatMap((socket, m) =>
        Array.from({ length: VOTES_EACH }, (_, k) => record(socket, notes[(m + k) % ITEMS]!)),
      );
      // All requests are written before this process reads a single acknowledgement.
      sendingMs = performance.now() - started;
      await Promise.all(votes);
    } else {
      await Promise.all(
        sockets.map(async (socket, m) => {
          for (let k = 0; k < VOTES_EACH; k++) await record(socket, notes[(m + k) % ITEMS]!);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const serverCpuMs = serverCpu.stop();
    const clientCpuUsage = process.cpuUsage(clientCpu);
    const clientCpuMs = (clientCpuUsage.user + clientCpuUsage.system) / 1000;

    const closed = await closeRound(roundId);
    const summary = summarize(latencies);
    return {
      requests: latencies.length,
      throughput: latencies.length / seconds,
      p50: summary.median,
      p99: summary.p99,
      max: summary.max,
      sendingMs,
      serverCpuUsPerVote: (serverCpuMs * 1000) / latencies.length,
      clientCpuUsPerVote: (clientCpuMs * 1000) / latencies.length,
      accepted: Array.from(accepted.values()).reduce((a, b) => a + b, 0),
      refusals: Object.fromEntries(refusals),
      violations: violations(peer.dataDir, roundId, closed, accepted),
    };
  };
}

/** Violations, counted from the database itself and from the closed round's results. */
function violations(
  dataDir: string,
  roundId: string,
  closed: CloseRoundResponse,
  accepted: Map<string, number>,
): number {
  const db = new Database(path.join(dataDir, 'ideamill.sqlite'), { readonly: true });
  try {
    const overBudget = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT member_id FROM votes WHERE round_id = ? GROUP BY member_id HAVING count(*) > ?)',
      )
      .get(roundId, BUDGET) as { n: number };
    const overCap = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM votes WHERE round_id = ? GROUP BY member_id, item_id HAVING count(*) > ?)',
      )
      .get(roundId, MAX_PER_ITEM) as { n: number };
    const resultTotal = closed.results.reduce((sum, r) => sum + r.votes, 0);
    const acceptedTotal = Array.from(accepted.values()).reduce((a, b) => a + b, 0);
    const mismatched = closed.results.filter((r) => accepted.get(r.itemId) !== r.votes).length;
    return (
      overBudget.n +
      overCap.n +
      mismatched +
      (resultTotal === acceptedTotal ? 0 : 1) +
      (acceptedTotal === MEMBERS * BUDGET ? 0 : 1)
    );
  } finally {
    db.close();
  }
}

/** One repetition of a mode on a new server: the first storm after start, then a warm one. */
async function run(rep: number, mode: Mode): Promise<Repetition> {
  const peer = await startIdeamill(
    cpuProf ? { cpuProfDir: path.join(ROOT, 'bench', 'results', `prof-votes-${Date.now()}`) } : {},
  );
  try {
    const boardId = await peer.newRoom();
    const [facilitator, ...members] = await peer.credentials(boardId, MEMBERS + 1);
    // Notes to vote on, written through a real client.
    const doc = new Y.Doc();
    const writer = new SocketIoProvider(peer.origin, boardId, doc, { token: facilitator! });
    await new Promise<void>((resolve) => writer.on('synced', (s) => s && resolve()));
    const notes = Array.from({ length: ITEMS }, (_, i) =>
      addItem(doc, { type: 'note', x: i * 220, y: 0, text: `idea ${i}` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.destroy();

    const sockets: Socket[] = await Promise.all(
      members.map(
        (token) =>
          new Promise<Socket>((resolve, reject) => {
            const socket = io(peer.origin, {
              auth: { token, boardId },
              transports: ['websocket'],
              reconnection: false,
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    try {
      const storm = await stormsOn(peer, boardId, facilitator!, sockets, notes);
      const first = await storm(mode);
      let violations = first.violations;
      for (let i = 0; i < WARM_UP_STORMS; i++) violations += (await storm(mode)).violations;
      const warm = await storm(mode);
      violations += warm.violations;
      for (const [phase, s] of [
        ['first', first],
        ['warm', warm],
      ] as const) {
        console.error(
          `${mode} rep ${rep} ${phase}: ${s.requests} requests, ${s.throughput.toFixed(0)}/s, accepted ${s.accepted}, refused ${JSON.stringify(s.refusals)}, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, CPU per vote: server ${s.serverCpuUsPerVote.toFixed(0)} µs, clients ${s.clientCpuUsPerVote.toFixed(0)} µs${mode === 'burst' ? `, sending took ${s.sendingMs.toFixed(1)} ms` : ''}, violations ${s.violations}`,
        );
      }
      return { first, warm, violations };
    } finally {
      for (const socket of sockets) socket.close();
    }
  } finally {
    await peer.stop();
  }
}

const reps: Record<Mode, Repetition[]> = { burst: [], sequential: [] };
for (let rep = 1; rep <= REPS; rep++) {
  for (const mode of ['burst', 'sequential'] as const) reps[mode].push(await run(rep, mode));
}
const medians = (storms: Storm[]) => ({
  throughput: median(storms.map((s) => s.throughput)),
  p50: median(storms.map((s) => s.p50)),
  p99: median(storms.map((s) => s.p99)),
  sendingMs: median(storms.map((s) => s.sendingMs)),
  serverCpuUsPerVote: median(storms.map((s) => s.serverCpuUsPerVote)),
  clientCpuUsPerVote: median(storms.map((s) => s.clientCpuUsPerVote)),
});
const summary = (runs: Repetition[]) => ({
  first: { reps: runs.map((r) => r.first), median: medians(runs.map((r) => r.first)) },
  warm: { reps: runs.map((r) => r.warm), median: medians(runs.map((r) => r.warm)) },
  violations: runs.reduce((sum, r) => sum + r.violations, 0),
});
/** What `--out` writes (the quick storm's test reads it). */
export type VoteStormResult = typeof result;
const result = {
  workload: 'vote-storm',
  members: MEMBERS,
  votesEach: VOTES_EACH,
  budget: BUDGET,
  burst: summary(reps.burst),
  sequential: summary(reps.sequential),
};
console.log(
  `vote storm: ${MEMBERS} members × ${VOTES_EACH} votes (budget ${BUDGET}), ${REPS} rep(s), medians`,
);
for (const mode of ['burst', 'sequential'] as const) {
  for (const phase of ['first', 'warm'] as const) {
    const m = result[mode][phase].median;
    console.log(
      `  ${mode.padEnd(10)} ${(phase === 'first' ? 'first storm' : 'warm').padEnd(11)} throughput ${m.throughput.toFixed(0)} votes/s, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms (target < 50 ms), server CPU ${m.serverCpuUsPerVote.toFixed(0)} µs/vote`,
    );
  }
  console.log(`  ${mode.padEnd(10)} violations ${result[mode].violations} (every storm)`);
}
const out =
  outArg ??
  path.join(
    ROOT,
    'bench',
    'results',
    `vote-storm-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
if (result.burst.violations + result.sequential.violations > 0) process.exitCode = 1;
