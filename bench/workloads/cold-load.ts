/**
 * Workload 3, cold load: a board with a long history, opened by a new client.
 * Ideamill's server is restarted before every measurement, so the board is not in memory.
 * The reference and Hocuspocus keep documents in memory only; to be fair they are populated
 * through a client that stays connected, and a second client's full sync is measured.
 */
import { now } from '../clock.ts';
import type { ClientSpec, PeerStartOptions, RunningPeer } from '../peers/types.ts';
import { cpuQuiet } from '../proc.ts';
import { clientSpecs, type Target, type TargetId } from '../targets.ts';
import { LoadWorker } from '../workers.ts';
import { aggregate, type RepOutcome, selectedTargets } from './common.ts';
import type { Row, Workload } from './types.ts';

interface ColdCase {
  label: string;
  notes: number;
  updates: number;
}

interface Prepared {
  target: Target;
  peer: RunningPeer;
  holder: LoadWorker;
  spec: ClientSpec;
  /** A small board on the same server, opened after each restart to warm the process up. */
  warmUp: ClientSpec;
  populateMs: number;
}

export const coldLoad: Workload = {
  id: 'cold-load',
  title: 'Cold load: a new client opens a board with a long history',
  async run(options) {
    const cases: ColdCase[] = options.quick
      ? [{ label: '(b) 1k notes / 5k updates', notes: 1_000, updates: 5_000 }]
      : [
          { label: '(a) 2k notes / 20k updates', notes: 2_000, updates: 20_000 },
          { label: '(b) 10k notes / 100k updates', notes: 10_000, updates: 100_000 },
        ];
    const targets = selectedTargets(options, ['floor']);
    // The shared writer process opens the measured clients; it holds no other connection.
    const loader = options.pool.writer;
    const rows: Row[] = [];
    for (const testCase of cases) {
      const prepared: Prepared[] = [];
      try {
        for (const target of targets) {
          options.log(`  ${testCase.label} · ${target.id} · populating`);
          prepared.push(await prepare(target, testCase, loader, options.peer));
        }
        const outcomes = new Map<TargetId, RepOutcome[]>();
        for (let rep = 0; rep < options.reps; rep++) {
          for (const p of prepared) {
            options.log(`  ${testCase.label} · ${p.target.id} · rep ${rep + 1}/${options.reps}`);
            if (p.target.ideamill) {
              await p.peer.restart();
              // A long-running server whose board is not in memory, not a cold process:
              // one small board first, so JIT warm-up does not count as board loading.
              await loader.call('load', { spec: p.warmUp, timeoutMs: 30_000 });
            }
            const load = await loader.call('load', { spec: p.spec, timeoutMs: 120_000 });
            // Ideamill integrates the board a second after the sync: that must not land in the
            // next target's window, so the quiet windows are longer than that second.
            await cpuQuiet(p.peer.pid, { windowMs: 1_500, maxCpuMs: 40 });
            outcomes.set(p.target.id, [
              ...(outcomes.get(p.target.id) ?? []),
              {
                scalars: {
                  firstByteMs: load.firstByteMs,
                  syncMs: load.syncMs,
                  complete: load.items === testCase.notes ? 1 : 0,
                  populateMs: p.populateMs,
                },
              },
            ]);
          }
        }
        for (const p of prepared) {
          rows.push(aggregate(testCase.label, p.target.id, outcomes.get(p.target.id) ?? []));
        }
      } finally {
        for (const p of prepared) {
          await p.holder.stop();
          await p.peer.stop();
        }
      }
    }
    return {
      id: 'cold-load',
      title: this.title,
      params: { cases, reps: options.reps },
      columns: [
        { key: 'firstByteMs', label: 'first byte ms', digits: 1 },
        { key: 'syncMs', label: 'full sync ms', digits: 1 },
        { key: 'complete', label: 'all notes', digits: 0 },
        { key: 'populateMs', label: 'history build ms', digits: 0 },
      ],
      ratioKeys: ['firstByteMs', 'syncMs'],
      rows,
      notes: [
        'Medians over repetitions. Times from opening the connection in the client process.',
        'Ideamill: server restarted before each measurement, then one small board opened to warm',
        'the process up; the measured board is loaded from SQLite (compacted state).',
        'Reference, Hocuspocus: document in memory, the populating client still connected.',
        'After each measurement the server must go quiet (≤ 40 ms CPU in 1.5 s) before the next.',
        'History build: populate start → a fresh client sees the last update (informational).',
      ],
    };
  },
};

async function prepare(
  target: Target,
  testCase: ColdCase,
  loader: LoadWorker,
  peerOptions: PeerStartOptions,
): Promise<Prepared> {
  const peer = await target.start(peerOptions);
  const holder = new LoadWorker(`holder-${target.id}`);
  try {
    const room = await peer.newRoom();
    const [holderSpec, spec] = await clientSpecs(target, peer, room, 2);
    const [warmUp] = await clientSpecs(target, peer, await peer.newRoom(), 1);
    await holder.connect([holderSpec!]);
    const marker = `populated-${Date.now()}`;
    const started = now();
    await holder.call('populate', {
      notes: testCase.notes,
      updates: testCase.updates,
      marker,
    });
    // Done when a fresh client sees the last update the holder sent.
    for (;;) {
      const load = await loader.call('load', { spec: spec!, timeoutMs: 120_000 });
      if (load.marker === marker) break;
      if (now() - started > 300_000) throw new Error(`${target.id}: history never arrived`);
    }
    const populateMs = now() - started;
    // Ideamill: the holder leaves; the restart before each measurement empties memory.
    if (target.ideamill) await holder.call('close', {});
    return { target, peer, holder, spec: spec!, warmUp: warmUp!, populateMs };
  } catch (error) {
    await holder.stop();
    await peer.stop();
    throw error;
  }
}
