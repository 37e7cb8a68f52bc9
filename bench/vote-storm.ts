/**
 * `npm run bench:votes [-- --quick] [--cpu-prof]`: the vote storm. 300 members (quick: 30) each
 * cast 7 votes over Socket.io in a round with budget 5 (so 2 of each member's are refused):
 * every vote is checked and written in one SQLite transaction (a savepoint in the transaction
 * of its event-loop turn) and acknowledged once that has committed. Two modes:
 *   burst      every member fires all 7 at the same instant (2,100 requests in flight);
 *   sequential every member casts as fast as it can, one after another, waiting for each
 *              acknowledgement (300 in flight), as people clicking do.
 * Each measurement gets a fresh server, warmed up by an unrecorded round of one vote each.
 * Reports throughput, latency (send → acknowledgement), CPU per vote of the server and of the
 * clients' process, and counts violations (a member over budget, an item over its cap,
 * results that differ from a recount).
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
import { startIdeamill } from './peers/ideamill.ts';
import { cpuWindow } from './proc.ts';
import { median, summarize } from './stats.ts';

const quick = process.argv.includes('--quick');
const cpuProf = process.argv.includes('--cpu-prof');
const MEMBERS = quick ? 30 : 300;
const VOTES_EACH = 7;
const BUDGET = 5;
const ITEMS = 40;
const REPS = quick ? 1 : 3;

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

async function run(rep: number, mode: Mode) {
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
    const openRound = async (budget: number) =>
      (
        await post<RoundView>(peer.origin, `/api/boards/${boardId}/rounds`, facilitator!, {
          budget,
          maxPerItem: Math.min(2, budget),
        })
      ).round.id;
    const closeRound = (roundId: string) =>
      post<CloseRoundResponse>(
        peer.origin,
        `/api/boards/${boardId}/rounds/${roundId}/close`,
        facilitator!,
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

    // Unrecorded warm-up, so the measured round meets a server that has run the vote path
    // before, as a long-running one has: a round of one vote each, then closed.
    const warmUpRound = await openRound(1);
    await Promise.all(sockets.map((socket, m) => cast(warmUpRound, socket, notes[m % ITEMS]!)));
    await closeRound(warmUpRound);

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
    if (mode === 'burst') {
      await Promise.all(
        sockets.flatMap((socket, m) =>
          Array.from({ length: VOTES_EACH }, (_, k) => record(socket, notes[(m + k) % ITEMS]!)),
        ),
      );
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
    for (const socket of sockets) socket.close();

    const closed = await closeRound(roundId);
    // Violations, counted from the database itself.
    const db = new Database(path.join(peer.dataDir, 'ideamill.sqlite'), { readonly: true });
    const overBudget = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT member_id FROM votes WHERE round_id = ? GROUP BY member_id HAVING count(*) > ?)',
      )
      .get(roundId, BUDGET) as { n: number };
    const overCap = db
      .prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM votes WHERE round_id = ? GROUP BY member_id, item_id HAVING count(*) > 2)',
      )
      .get(roundId) as { n: number };
    db.close();
    const resultTotal = closed.results.reduce((sum, r) => sum + r.votes, 0);
    const acceptedTotal = Array.from(accepted.values()).reduce((a, b) => a + b, 0);
    const mismatched = closed.results.filter((r) => accepted.get(r.itemId) !== r.votes).length;
    const violations =
      overBudget.n +
      overCap.n +
      mismatched +
      (resultTotal === acceptedTotal ? 0 : 1) +
      (acceptedTotal === MEMBERS * BUDGET ? 0 : 1);
    const summary = summarize(latencies);
    console.error(
      `${mode} rep ${rep}: ${latencies.length} requests in ${seconds.toFixed(2)} s, accepted ${acceptedTotal}, refused ${JSON.stringify(Object.fromEntries(refusals))}, p99 ${summary.p99.toFixed(1)} ms, CPU per vote: server ${((serverCpuMs * 1000) / latencies.length).toFixed(0)} µs, clients ${((clientCpuMs * 1000) / latencies.length).toFixed(0)} µs, violations ${violations}`,
    );
    return {
      requests: latencies.length,
      throughput: latencies.length / seconds,
      p50: summary.median,
      p99: summary.p99,
      max: summary.max,
      serverCpuUsPerVote: (serverCpuMs * 1000) / latencies.length,
      clientCpuUsPerVote: (clientCpuMs * 1000) / latencies.length,
      accepted: acceptedTotal,
      violations,
    };
  } finally {
    await peer.stop();
  }
}

const modes: Record<Mode, Awaited<ReturnType<typeof run>>[]> = { burst: [], sequential: [] };
for (let rep = 1; rep <= REPS; rep++) {
  for (const mode of ['burst', 'sequential'] as const) modes[mode].push(await run(rep, mode));
}
const summary = (reps: Awaited<ReturnType<typeof run>>[]) => ({
  reps,
  median: {
    throughput: median(reps.map((r) => r.throughput)),
    p50: median(reps.map((r) => r.p50)),
    p99: median(reps.map((r) => r.p99)),
    serverCpuUsPerVote: median(reps.map((r) => r.serverCpuUsPerVote)),
  },
  violations: reps.reduce((sum, r) => sum + r.violations, 0),
});
const result = {
  workload: 'vote-storm',
  members: MEMBERS,
  votesEach: VOTES_EACH,
  budget: BUDGET,
  burst: summary(modes.burst),
  sequential: summary(modes.sequential),
};
console.log(
  `vote storm: ${MEMBERS} members × ${VOTES_EACH} votes (budget ${BUDGET}), ${REPS} rep(s), medians`,
);
for (const mode of ['burst', 'sequential'] as const) {
  const { median: m, violations } = result[mode];
  console.log(
    `  ${mode.padEnd(10)} throughput ${m.throughput.toFixed(0)} votes/s, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms (target < 50 ms), server CPU ${m.serverCpuUsPerVote.toFixed(0)} µs/vote, violations ${violations}`,
  );
}
const dir = path.join(ROOT, 'bench', 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(
  path.join(dir, `vote-storm-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
if (result.burst.violations + result.sequential.violations > 0) process.exitCode = 1;
