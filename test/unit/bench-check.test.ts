/**
 * `npm run bench:check`'s verdicts: each Ideamill figure against the floor's in the same run.
 * The figures below are shaped as bench/run.ts writes them; the values are the ones the check
 * must tell apart: its first run (5 December, 19:44) and the regression of 4 December.
 */
import { describe, expect, it } from 'vitest';
import { checksOf, renderChecks } from '../../bench/check.ts';
import type { TargetId } from '../../bench/targets.ts';
import type { Row, WorkloadResult } from '../../bench/workloads/types.ts';

type Figures = Record<string, { received: number; cpu: number; fanoutCpu: number }>;

const row = (label: string, target: TargetId, metrics: Record<string, number>): Row => ({
  case: label,
  target,
  metrics,
  reps: [metrics],
});

function result(figures: Figures): WorkloadResult[] {
  const workload = (id: string, rows: WorkloadResult['rows']): WorkloadResult => ({
    id,
    title: id,
    params: {},
    columns: [],
    ratioKeys: [],
    rows,
    notes: [],
  });
  const targets = Object.entries(figures) as [TargetId, Figures[string]][];
  return [
    workload(
      'throughput',
      targets.flatMap(([target, f]) => [
        row('20,000/s offered', target, { appliedPerSec: f.received, cpuUsPerUpdate: f.cpu }),
        // Another case of the same workload, which the check does not read.
        row('30,000/s offered', target, { appliedPerSec: 1, cpuUsPerUpdate: 1e6 }),
      ]),
    ),
    workload(
      'fanout',
      targets.map(([target, f]) => row('N=50', target, { cpuUsPerUpdate: f.fanoutCpu })),
    ),
  ];
}

const FLOOR = { received: 17_621, cpu: 42.7, fanoutCpu: 1_500 };

describe('bench:check', () => {
  it('passes the server as it should be', () => {
    const checks = checksOf(
      result({
        'ideamill-yws': { received: 19_963, cpu: 33, fanoutCpu: 2_350 },
        'ideamill-sio': { received: 19_981, cpu: 33, fanoutCpu: 3_700 },
        floor: { received: 19_493, cpu: 40, fanoutCpu: 1_450 },
      }),
    );
    expect(checks).toHaveLength(6);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    expect(renderChecks(checks)).toContain(
      "ok   throughput at 20,000/s: received/s, ideamill-yws: 19,963 against the floor's 19,493, 1.02 × (limit ≥ 0.9)",
    );
  });

  it('fails the throughput regression of 4 December, and a fan-out that costs 3.3 floors', () => {
    const checks = checksOf(
      result({
        'ideamill-yws': { received: 7_824, cpu: 115, fanoutCpu: 2_650 },
        'ideamill-sio': { received: 19_971, cpu: 33.0, fanoutCpu: 5_000 },
        floor: FLOOR,
      }),
    );
    expect(checks.filter((c) => !c.passed).map((c) => c.what)).toEqual([
      'throughput at 20,000/s: received/s, ideamill-yws',
      'throughput at 20,000/s: CPU µs/update, ideamill-yws',
      'fan-out N=50: CPU µs/update, ideamill-sio',
    ]);
    expect(renderChecks(checks)).toMatch(
      /^FAIL throughput at 20,000\/s: received\/s, ideamill-yws/m,
    );
  });

  it('says which figure a result lacks instead of judging without it', () => {
    const [throughput] = result({ 'ideamill-yws': FLOOR, 'ideamill-sio': FLOOR, floor: FLOOR });
    expect(() => checksOf([throughput!])).toThrow(
      'no cpuUsPerUpdate for ideamill-yws in fanout N=50',
    );
  });
});
