/**
 * Workload 6, reconnect storm: N clients on one board (200 notes) drop and reconnect, each at
 * a random moment within one second. Time until every one is synced again, and the server's
 * CPU time per reconnect, and every server's event-loop lag p99 over the storm (the probe
 * preloaded into each, peers/servers/loop-probe.ts).
 */
import { sleep } from '../child.ts';
import { loopProbeDir, readLoopLag, removeLoopProbeDir } from '../loop-probe.ts';
import { cpuWindow } from '../proc.ts';
import { clientSpecs } from '../targets.ts';
import { alternate, selectedTargets } from './common.ts';
import type { Workload } from './types.ts';

const NOTES = 200;
const WITHIN_MS = 1_000;

export const reconnect: Workload = {
  id: 'reconnect',
  title: 'Reconnect storm: N clients drop and reconnect within 1 s',
  async run(options) {
    const clients = options.quick ? 50 : 1_000;
    const { pool } = options;
    const probeDir = loopProbeDir();
    const rows = await alternate(
      options,
      [{ label: `N=${clients}` }],
      selectedTargets(options, ['floor']),
      (target, _case, peer) =>
        (async () => {
          const room = await peer.newRoom();
          const [seeder, ...specs] = await clientSpecs(target, peer, room, clients + 1);
          await pool.writer.connect([seeder!]);
          await pool.writer.call('seed', { notes: NOTES });
          const workers = await pool.connectReceivers(specs);
          await Promise.all(
            workers.map((w) => w.call('waitItems', { items: NOTES, timeoutMs: 120_000 })),
          );
          await sleep(options.settleMs);
          await readLoopLag(probeDir, peer.pid); // starts the storm's window
          const cpu = cpuWindow(peer.pid);
          const storms = await Promise.all(
            workers.map((w) => w.call('storm', { withinMs: WITHIN_MS, timeoutMs: 60_000 })),
          );
          const cpuMs = cpu.stop();
          const lag = await readLoopLag(probeDir, peer.pid);
          await pool.closeClients();
          return {
            scalars: {
              allSyncedMs: Math.max(...storms.map((s) => s.allSyncedMs)),
              failed: storms.reduce((sum, s) => sum + s.failed, 0),
              cpuUsPerClient: (cpuMs * 1000) / clients,
              lagP99Ms: lag.p99,
            },
          };
        })(),
      () => ({ ...options.peer, loopProbeDir: probeDir }),
      { warmUp: true },
    ).finally(() => removeLoopProbeDir(probeDir));
    return {
      id: 'reconnect',
      title: this.title,
      params: { clients, notes: NOTES, withinMs: WITHIN_MS, reps: options.reps },
      columns: [
        { key: 'allSyncedMs', label: 'all synced ms', digits: 0 },
        { key: 'failed', label: 'failed', digits: 0 },
        { key: 'cpuUsPerClient', label: 'server CPU µs/client', digits: 0 },
        { key: 'lagP99Ms', label: 'event-loop lag p99 ms', digits: 1 },
      ],
      ratioKeys: ['allSyncedMs', 'cpuUsPerClient', 'lagP99Ms'],
      rows,
      notes: [
        'All synced: from the storm start until the last client is synced again (median of reps).',
        'CPU: server process utime+stime from the storm start until all are synced ÷ clients.',
        'Event-loop lag: p99 interval between 10 ms ticks over the storm (prom-client’s figure),',
        '  from a probe preloaded into every server (bench/peers/servers/loop-probe.ts).',
      ],
    };
  },
};
