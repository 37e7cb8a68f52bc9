/** Pieces every workload shares: the alternating loop, pooled aggregation, waiting for drain. */
import { sleep } from '../child.ts';
import type { PeerStartOptions, RunningPeer } from '../peers/types.ts';
import { cpuQuiet } from '../proc.ts';
import { median, summarize } from '../stats.ts';
import { clientSpecs, TARGETS, type Target, type TargetId } from '../targets.ts';
import type { LoadWorker } from '../workers.ts';
import type { WorkerPool } from './pool.ts';
import type { BenchOptions, Row } from './types.ts';

/** One repetition's outcome: pooled latency samples plus scalar figures. */
export interface RepOutcome {
  samples?: Record<string, number[]>;
  scalars: Record<string, number>;
}

export function selectedTargets(options: BenchOptions, exclude: TargetId[] = []): Target[] {
  return TARGETS.filter((t) => options.targets.includes(t.id) && !exclude.includes(t.id));
}

/**
 * For each case: repetitions in alternating target order (A B C D A B C D …), then one row per
 * target. Sample sets are pooled across repetitions (median, p99); scalars take the median.
 *
 * With `warmUp`, every target first runs the first case once, unrecorded. The load-client
 * processes live for the whole run, and each target has its own client library: without it
 * the first measurement of each (A's in particular) paid for JIT-compiling its client's code
 * under load, a second-long backlog that no later repetition had.
 */
export async function alternate<C extends { label: string }>(
  options: BenchOptions,
  cases: readonly C[],
  targets: readonly Target[],
  measure: (target: Target, testCase: C, peer: RunningPeer, rep: number) => Promise<RepOutcome>,
  startOptions: (target: Target) => PeerStartOptions = () => options.peer,
  { warmUp = false }: { warmUp?: boolean } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  const first = cases[0];
  if (warmUp && first && !options.quick) {
    for (const target of targets) {
      options.log(`  ${first.label} · ${target.id} · warm-up (not recorded)`);
      const peer = await target.start(startOptions(target));
      try {
        await options.pool.settle();
        await measure(target, first, peer, -1);
      } finally {
        await peer.stop();
      }
    }
  }
  for (const testCase of cases) {
    const outcomes = new Map<TargetId, RepOutcome[]>();
    for (let rep = 0; rep < options.reps; rep++) {
      // Every server of the round starts up front (in parallel) and then idles until its turn:
      // a fresh process per measurement without paying start-up time in series.
      // Quick runs share servers between workloads (options.servers): a smoke test, not figures.
      const { servers } = options;
      const peers = servers
        ? await Promise.all(targets.map((t) => servers.get(t, startOptions(t))))
        : await startAll(targets, startOptions);
      try {
        for (const [i, target] of targets.entries()) {
          options.log(`  ${testCase.label} · ${target.id} · rep ${rep + 1}/${options.reps}`);
          const idle = servers ? undefined : await serverQuiet(peers[i]!);
          if (idle) {
            options.log(`    quiet after ${idle.waitedMs} ms (${idle.cpuMsPerSecond} ms CPU/s)`);
          }
          await options.pool.settle();
          const outcome = await measure(target, testCase, peers[i]!, rep);
          if (idle) outcome.scalars.idleCpuMsPerS = idle.cpuMsPerSecond;
          if (!servers) await peers[i]!.stop();
          outcomes.set(target.id, [...(outcomes.get(target.id) ?? []), outcome]);
        }
      } finally {
        if (!servers) await Promise.all(peers.map((peer) => peer.stop()));
      }
    }
    for (const target of targets) {
      rows.push(aggregate(testCase.label, target.id, outcomes.get(target.id) ?? []));
    }
  }
  return rows;
}

export function aggregate(label: string, target: TargetId, outcomes: RepOutcome[]): Row {
  const metrics: Record<string, number> = {};
  const sampleKeys = new Set(outcomes.flatMap((o) => Object.keys(o.samples ?? {})));
  for (const key of sampleKeys) {
    const pooled = outcomes.flatMap((o) => o.samples?.[key] ?? []);
    const summary = summarize(pooled);
    metrics[`${key}Median`] = summary.median;
    metrics[`${key}P99`] = summary.p99;
    metrics[`${key}Max`] = summary.max;
    metrics[`${key}N`] = summary.n;
  }
  const scalarKeys = new Set(outcomes.flatMap((o) => Object.keys(o.scalars)));
  for (const key of scalarKeys) {
    metrics[key] = median(outcomes.map((o) => o.scalars[key] ?? Number.NaN));
  }
  const reps = outcomes.map((o) => {
    const figures: Record<string, number> = { ...o.scalars };
    for (const [key, values] of Object.entries(o.samples ?? {})) {
      const summary = summarize(values);
      figures[`${key}Median`] = summary.median;
      figures[`${key}P99`] = summary.p99;
    }
    return figures;
  });
  return { case: label, target, metrics, reps };
}

/** The note the fan-out and awareness writers move. */
export const NOTE_ID = 'bench-note';

/**
 * A new room on `peer` with the pool's writer connected and ready to move the note, and n
 * other clients connected in the receiver workers, which are returned.
 */
export async function writerAndReceivers(
  pool: WorkerPool,
  target: Target,
  peer: RunningPeer,
  n: number,
): Promise<LoadWorker[]> {
  const room = await peer.newRoom();
  const [writerSpec, ...specs] = await clientSpecs(target, peer, room, n + 1);
  await pool.writer.connect([writerSpec!]);
  await pool.writer.call('prepareNote', { noteId: NOTE_ID });
  return pool.connectReceivers(specs);
}

/** Waits until the receivers have applied `expected` moves, or until timeoutMs passes. */
export async function waitForDelivery(
  receivers: readonly LoadWorker[],
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const progress = await Promise.all(receivers.map((w) => w.call('progress', {})));
    const applied = progress.reduce((sum, p) => sum + p.applied, 0);
    if (applied >= expected || Date.now() - started > timeoutMs) return applied;
    await sleep(50);
  }
}

/**
 * Every measurement starts on a quiet server: one that used at most 10 ms of CPU a second over
 * two seconds (or 30 s have passed), so work left from starting or from the last measurement
 * is not counted in the window. The rate it settled at is the server's fixed background work
 * (Ideamill's event-loop monitor and checkpoint thread), reported as the idle CPU.
 */
async function serverQuiet(peer: RunningPeer) {
  const idle = await cpuQuiet(peer.pid, { windowMs: 2_000, maxCpuMs: 20, timeoutMs: 30_000 });
  return idle;
}

/** Starts every target's server in parallel; if one fails, stops the others and throws. */
async function startAll(
  targets: readonly Target[],
  startOptions: (target: Target) => PeerStartOptions,
): Promise<RunningPeer[]> {
  const started = await Promise.allSettled(targets.map((t) => t.start(startOptions(t))));
  const failed = started.find((s) => s.status === 'rejected');
  const peers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(peers.map((peer) => peer.stop()));
    throw failed.reason;
  }
  return peers;
}
