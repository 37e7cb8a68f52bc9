/**
 * Workload 4, memory: B boards with 200 notes and 2 clients each, then every client gone.
 * Server RSS and V8 heap per board while active and after the idle unload (Ideamill runs with
 * a small IDLE_UNLOAD_MS), the idle reading once RSS has stopped falling.
 */
import { sleep } from '../child.ts';
import {
  memoryProbeFile,
  probeMemory,
  probeSettledMemory,
  removeMemoryProbeFile,
} from '../memory-probe.ts';
import { IdeamillPeer, metricValue } from '../peers/ideamill.ts';
import type { ClientSpec, RunningPeer } from '../peers/types.ts';
import { clientSpecs } from '../targets.ts';
import { alternate, selectedTargets } from './common.ts';
import type { Workload } from './types.ts';

const NOTES = 200;
const KiB = 1024;

async function boardsLoaded(peer: RunningPeer): Promise<number> {
  if (!(peer instanceof IdeamillPeer)) return Number.NaN;
  return metricValue(await peer.metrics(), 'ideamill_boards_loaded');
}

export const memory: Workload = {
  id: 'memory',
  title: 'Memory: boards with 200 notes and 2 clients each, then all clients gone',
  async run(options) {
    const boards = options.quick ? 20 : 1_000;
    // The sweeper runs every IDLE_UNLOAD_MS / 2; three periods are plenty.
    const idleUnloadMs = options.quick ? 300 : 1_000;
    // Freed memory goes back to the system over seconds (about 20 s for 1,000 boards here).
    const settle = {
      toleranceBytes: 4 * KiB * KiB,
      ...(options.quick ? { everyMs: 200, maxMs: 2_000 } : { everyMs: 5_000, maxMs: 90_000 }),
    };
    const { pool } = options;
    const targets = selectedTargets(options, ['floor']);
    const probeFiles = new Map(targets.map((t) => [t.id, memoryProbeFile()]));
    const rows = await alternate(
      options,
      [{ label: `${boards} boards` }],
      targets,
      async (target, _case, peer) => {
        const probeFile = probeFiles.get(target.id)!;
        await sleep(options.settleMs);
        const base = await probeMemory(peer.pid, probeFile);
        const firsts: ClientSpec[] = [];
        const seconds: ClientSpec[] = [];
        for (let b = 0; b < boards; b += 20) {
          const batch = Array.from({ length: Math.min(20, boards - b) }, async () =>
            clientSpecs(target, peer, await peer.newRoom(), 2),
          );
          for (const [first, second] of await Promise.all(batch)) {
            firsts.push(first!);
            seconds.push(second!);
          }
        }
        await pool.writer.connect(firsts, 300_000);
        await pool.writer.call('seed', { notes: NOTES });
        const workers = await pool.connectReceivers(seconds);
        await Promise.all(
          workers.map((w) => w.call('waitItems', { items: NOTES, timeoutMs: 120_000 })),
        );
        await sleep(options.settleMs * 2);
        const active = await probeMemory(peer.pid, probeFile);
        await pool.closeClients();
        await sleep(idleUnloadMs * 3);
        const settled = await probeSettledMemory(peer.pid, probeFile, settle);
        const idle = settled.reading;
        const perBoard = (a: number, b: number) => (a - b) / KiB / boards;
        return {
          scalars: {
            rssBaseMiB: base.rss / KiB / KiB,
            heapBaseMiB: base.heapUsed / KiB / KiB,
            activeRssKiBPerBoard: perBoard(active.rss, base.rss),
            activeHeapKiBPerBoard: perBoard(active.heapUsed, base.heapUsed),
            idleRssKiBPerBoard: perBoard(idle.rss, base.rss),
            idleHeapKiBPerBoard: perBoard(idle.heapUsed, base.heapUsed),
            idleSettledSec: settled.afterMs / 1000,
            boardsLoadedIdle: await boardsLoaded(peer),
          },
        };
      },
      (target) => ({
        ...options.peer,
        memoryProbeFile: probeFiles.get(target.id)!,
        env: { IDLE_UNLOAD_MS: String(idleUnloadMs) },
      }),
    ).finally(() => {
      for (const file of probeFiles.values()) removeMemoryProbeFile(file);
    });
    return {
      id: 'memory',
      title: this.title,
      params: { boards, notesPerBoard: NOTES, idleUnloadMs, reps: options.reps },
      columns: [
        { key: 'rssBaseMiB', label: 'RSS at start MiB', digits: 0 },
        { key: 'heapBaseMiB', label: 'heap at start MiB', digits: 1 },
        { key: 'activeRssKiBPerBoard', label: 'active RSS KiB/board', digits: 0 },
        { key: 'activeHeapKiBPerBoard', label: 'active heap KiB/board', digits: 0 },
        { key: 'idleRssKiBPerBoard', label: 'idle RSS KiB/board', digits: 0 },
        { key: 'idleHeapKiBPerBoard', label: 'idle heap KiB/board', digits: 0 },
        { key: 'idleSettledSec', label: 'idle settled s', digits: 0 },
        { key: 'boardsLoadedIdle', label: 'boards loaded when idle', digits: 0 },
      ],
      ratioKeys: [
        'activeHeapKiBPerBoard',
        'activeRssKiBPerBoard',
        'idleHeapKiBPerBoard',
        'idleRssKiBPerBoard',
      ],
      rows,
      notes: [
        'Per board = (reading − reading at start) ÷ boards; active includes its 2 connections.',
        'Readings after a forced GC (memory probe preloaded into each server: --expose-gc).',
        `Idle: probed every ${settle.everyMs / 1000} s from ${(idleUnloadMs * 3) / 1000} s after the last client left until RSS moved < 4 MiB (settled s counts from the first probe).`,
        'Reference keeps every document in memory; Hocuspocus unloads when the last client leaves.',
      ],
    };
  },
};
