/**
 * Workload 2, awareness storm: N clients each move their cursor 10 times a second (awareness),
 * while the fan-out writer moves a note 20 times a second. Every client records the note's
 * latency; a few sampled clients per worker record every other client's cursor latency.
 * Recording starts once the storm has run for STORM_LEAD_MS.
 */
import { sleep } from '../child.ts';
import { loopProbeDir, readLoopLag, removeLoopProbeDir } from '../loop-probe.ts';
import { cpuWindow } from '../proc.ts';
import {
  alternate,
  NOTE_ID,
  selectedTargets,
  waitForDelivery,
  writerAndReceivers,
} from './common.ts';
import type { Workload } from './types.ts';

const NOTE_HZ = 20;
const CURSOR_HZ = 10;
const SAMPLERS_PER_WORKER = 3;
/** Cursors move this long before recording starts. */
const STORM_LEAD_MS = 2_000;

export const awareness: Workload = {
  id: 'awareness',
  title: 'Awareness storm: N clients moving cursors at 10/s, plus one writer at 20 moves/s',
  async run(options) {
    const clients = options.clients ?? (options.quick ? [20] : [200, 500]);
    const durationMs = options.quick ? 1_000 : 10_000;
    const leadMs = options.quick ? 200 : STORM_LEAD_MS;
    const cases = clients.map((n) => ({ label: `N=${n}`, n }));
    // The floor relay would forward every cursor to every client: not a comparable server.
    const targets = selectedTargets(options, ['floor']);
    const { pool } = options;
    const probeDir = loopProbeDir();
    const rows = await alternate(
      options,
      cases,
      targets,
      (target, { n }, peer) =>
        (async () => {
          const workers = await writerAndReceivers(pool, target, peer, n);
          await sleep(options.settleMs);
          // The storm is under way before anything is recorded: N clients all sending their
          // first presence within one tick is a start-up burst, not the steady load measured.
          const storm = Promise.all(
            workers.map((w) =>
              w.call('cursors', { rateHz: CURSOR_HZ, durationMs: leadMs + durationMs }),
            ),
          );
          await sleep(leadMs);
          await Promise.all(
            workers.map((w) => w.call('record', { samplers: SAMPLERS_PER_WORKER })),
          );
          await readLoopLag(probeDir, peer.pid); // starts the window
          const cpu = cpuWindow(peer.pid);
          const windowStart = performance.now();
          const { sent } = await pool.writer.call('move', {
            noteId: NOTE_ID,
            rateHz: NOTE_HZ,
            durationMs,
          });
          const cursorCounts = await storm;
          await waitForDelivery(workers, sent * n, 10_000);
          const cpuMs = cpu.stop();
          const lag = await readLoopLag(probeDir, peer.pid);
          const windowMs = performance.now() - windowStart;
          const collected = await Promise.all(workers.map((w) => w.call('collect', {})));
          await pool.closeClients();
          const applied = collected.reduce((sum, c) => sum + c.applied, 0);
          const cursorsSent = cursorCounts.reduce((sum, c) => sum + c.sent, 0);
          return {
            samples: {
              doc: collected.flatMap((c) => c.doc),
              cursor: collected.flatMap((c) => c.cursor),
            },
            scalars: {
              delivered: applied / (sent * n),
              cursorsPerSec: (cursorsSent * 1000) / (leadMs + durationMs),
              cpuMsPerSec: cpuMs / (windowMs / 1000),
              lagP99Ms: lag.p99,
              lagMaxMs: lag.max,
              gcMs: lag.gcMs,
              gcMaxMs: lag.gcMaxMs,
            },
          };
        })(),
      () => ({ ...options.peer, loopProbeDir: probeDir }),
      { warmUp: true },
    ).finally(() => removeLoopProbeDir(probeDir));
    return {
      id: 'awareness',
      title: this.title,
      params: { clients, durationMs, noteHz: NOTE_HZ, cursorHz: CURSOR_HZ, reps: options.reps },
      columns: [
        { key: 'docMedian', label: 'doc median ms', digits: 1 },
        { key: 'docP99', label: 'doc p99 ms', digits: 1 },
        { key: 'delivered', label: 'doc delivered', digits: 3 },
        { key: 'cursorMedian', label: 'cursor median ms', digits: 1 },
        { key: 'cursorP99', label: 'cursor p99 ms', digits: 1 },
        { key: 'cursorN', label: 'cursor samples', digits: 0 },
        { key: 'cursorsPerSec', label: 'cursors sent/s', digits: 0 },
        { key: 'cpuMsPerSec', label: 'server CPU ms/s', digits: 0 },
        { key: 'lagP99Ms', label: 'server lag p99 ms', digits: 1 },
        { key: 'lagMaxMs', label: 'server lag max ms', digits: 1 },
        { key: 'gcMaxMs', label: 'server GC max ms', digits: 1 },
      ],
      ratioKeys: ['docP99', 'cursorP99'],
      rows,
      notes: [
        `Cursor latency is recorded at ${SAMPLERS_PER_WORKER} sampled clients per worker process.`,
        'Server CPU ms/s: CPU time over the window (incl. drain) per second of load; 1000 = one core.',
        "Server lag: the server's event loop, sampled every 10 ms by a preloaded probe (the interval between ticks); GC max: its longest garbage-collection pause.",
        'The floor relay is left out: it has no presence to coalesce.',
      ],
    };
  },
};
