/**
 * Workload 1, fan-out: one writer moves a note 20 times a second; N receivers on the same board
 * record the latency from the writer's send to their own applied update. The floor's writer
 * sends plain messages of the same size carrying the timestamp.
 */
import { sleep } from '../child.ts';
import { cpuWindow } from '../proc.ts';
import {
  alternate,
  NOTE_ID,
  selectedTargets,
  waitForDelivery,
  writerAndReceivers,
} from './common.ts';
import type { Workload } from './types.ts';

const RATE_HZ = 20;

export const fanout: Workload = {
  id: 'fanout',
  title: 'Fan-out: one writer at 20 moves/s, N receivers',
  async run(options) {
    const receivers = options.clients ?? (options.quick ? [10] : [50, 200, 500]);
    const durationMs = options.quick ? 1_000 : 10_000;
    const cases = receivers.map((n) => ({ label: `N=${n}`, n }));
    const { pool } = options;
    const rows = await alternate(
      options,
      cases,
      selectedTargets(options),
      (target, { n }, peer) =>
        (async () => {
          const workers = await writerAndReceivers(pool, target, peer, n);
          await sleep(options.settleMs);
          await Promise.all(workers.map((w) => w.call('record', { samplers: 0 })));
          const cpu = cpuWindow(peer.pid);
          const { sent, messageBytes } = await pool.writer.call('move', {
            noteId: NOTE_ID,
            rateHz: RATE_HZ,
            durationMs,
          });
          await waitForDelivery(workers, sent * n, 10_000);
          const cpuMs = cpu.stop();
          const collected = await Promise.all(workers.map((w) => w.call('collect', {})));
          await pool.closeClients();
          const applied = collected.reduce((sum, c) => sum + c.applied, 0);
          return {
            samples: { latency: collected.flatMap((c) => c.doc) },
            scalars: {
              sent,
              messageBytes,
              delivered: applied / (sent * n),
              cpuUsPerUpdate: (cpuMs * 1000) / sent,
            },
          };
        })(),
      undefined,
      { warmUp: true },
    );
    return {
      id: 'fanout',
      title: this.title,
      params: { receivers, durationMs, rateHz: RATE_HZ, reps: options.reps },
      columns: [
        { key: 'latencyMedian', label: 'median ms', digits: 2 },
        { key: 'latencyP99', label: 'p99 ms', digits: 2 },
        { key: 'latencyMax', label: 'max ms', digits: 1 },
        { key: 'delivered', label: 'delivered', digits: 3 },
        { key: 'cpuUsPerUpdate', label: 'server CPU µs/update', digits: 0 },
        { key: 'messageBytes', label: 'msg B', digits: 0 },
        { key: 'idleCpuMsPerS', label: 'idle server CPU ms/s', digits: 1 },
      ],
      ratioKeys: ['latencyMedian', 'latencyP99', 'cpuUsPerUpdate'],
      rows,
      notes: [
        'Latency: writer send → receiver applied, pooled over repetitions.',
        'CPU: server process utime+stime over the window ÷ updates the writer sent.',
        'Each measurement starts on a quiet server (≤ 10 ms CPU/s over 2 s; idle CPU: that rate).',
      ],
    };
  },
};
