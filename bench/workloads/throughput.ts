/**
 * Workload 5, durable write throughput: a few writers on one board move their own notes as fast
 * as their sockets drain; one receiver counts the updates it applied per second. For Ideamill
 * every one of them was persisted to SQLite before it was relayed. The writers only send
 * (clients/writer.ts): applying one another's moves would spend the cores the server needs.
 */
import { sleep } from '../child.ts';
import { cpuWindow } from '../proc.ts';
import { clientSpecs } from '../targets.ts';
import { alternate, selectedTargets } from './common.ts';
import type { Workload } from './types.ts';

const MAX_BACKLOG = 64 * 1024;
/** Moves a second offered by all writers together: the target, and 1.5 × it. */
const OFFERED = [20_000, 30_000];

export const throughput: Workload = {
  id: 'throughput',
  title: 'Durable write throughput: four writers on one board, one receiver',
  async run(options) {
    const writers = options.quick ? 2 : 4;
    const durationMs = options.quick ? 1_000 : 10_000;
    const { pool } = options;
    // The target's rate and half as much again, offered, then flat out: the writers share the
    // two cores with the server, so flat out they take CPU it would otherwise have.
    const cases: { label: string; ratePerSec?: number }[] = options.quick
      ? [{ label: `${writers} writers, flat out` }]
      : [
          ...OFFERED.map((rate) => ({
            label: `${rate.toLocaleString('en')}/s offered`,
            ratePerSec: rate,
          })),
          { label: `${writers} writers, flat out` },
        ];
    const rows = await alternate(
      options,
      cases,
      selectedTargets(options),
      (target, { ratePerSec }, peer) =>
        (async () => {
          const room = await peer.newRoom();
          const specs = await clientSpecs(target, peer, room, writers + 1);
          // Half the writers in each of two processes.
          const writerWorkers = [pool.writer, pool.spareWorker];
          const half = Math.ceil(writers / 2);
          const [receiver] = await pool.connectReceivers(specs.slice(writers));
          const timeoutMs = 60_000;
          await pool.writer.call('connectWriters', { specs: specs.slice(0, half), timeoutMs });
          await pool.spareWorker.call('connectWriters', {
            specs: specs.slice(half, writers),
            timeoutMs,
          });
          await sleep(options.settleMs);
          const { startedAt } = await receiver!.call('record', { samplers: 0 });
          const cpu = cpuWindow(peer.pid);
          const floods = await Promise.all(
            writerWorkers.map((w) =>
              w.call('flood', {
                durationMs,
                maxBacklog: MAX_BACKLOG,
                ratePerSec:
                  ratePerSec === undefined ? undefined : ratePerSec / writerWorkers.length,
              }),
            ),
          );
          const sent = floods.reduce((total, flood) => total + flood.sent, 0);
          const collected = await receiver!.call('collect', {});
          const cpuMs = cpu.stop();
          await pool.closeClients();
          const seconds = (collected.stoppedAt - startedAt) / 1000;
          return {
            samples: { latency: collected.doc },
            scalars: {
              appliedPerSec: collected.applied / seconds,
              sentPerSec: sent / (durationMs / 1000),
              cpuUsPerUpdate: (cpuMs * 1000) / Math.max(1, collected.applied),
            },
          };
        })(),
      undefined,
      { warmUp: true },
    );
    return {
      id: 'throughput',
      title: this.title,
      params: {
        writers,
        durationMs,
        maxBacklogBytes: MAX_BACKLOG,
        offered: OFFERED,
        reps: options.reps,
      },
      columns: [
        { key: 'appliedPerSec', label: 'received updates/s', digits: 0 },
        { key: 'sentPerSec', label: 'sent updates/s', digits: 0 },
        { key: 'latencyMedian', label: 'median ms', digits: 1 },
        { key: 'latencyP99', label: 'p99 ms', digits: 1 },
        { key: 'cpuUsPerUpdate', label: 'server CPU µs/update', digits: 1 },
      ],
      ratioKeys: ['appliedPerSec', 'latencyP99', 'cpuUsPerUpdate'],
      rows,
      notes: [
        'Received: moves the receiver applied during the window (from its state vector) ÷ the window (no drain).',
        "Latency: of the newest move in each update the receiver applied (a server that relays a turn's moves as one update shows only that one's).",
        `Writers send only (they drop what is relayed to them) and pause while more than ${MAX_BACKLOG / 1024} KiB wait in their socket; the receiver is a full client of the target.`,
        'Reference and Hocuspocus keep documents in memory only; Ideamill writes SQLite first.',
      ],
    };
  },
};
