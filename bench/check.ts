/**
 * `npm run bench:check [-- --ideamill-dir=PATH]`: a few minutes' guard against a sync-path
 * regression, to run before landing a change to the server's hot path. It runs durable write
 * throughput and fan-out at N=50 for both Ideamill transports and the raw floor, one repetition
 * each, and compares Ideamill with the floor measured beside it: a ratio, so a slow machine does
 * not fail it and a fast one does not hide a loss.
 *
 * A 4 × throughput loss went unseen for a day (docs/BENCHMARKS.md, "A regression of 4 December")
 * because no routine run measured it. The limits here sit well outside what any run since
 * 2 December measured, and well inside that regression; one failed check calls for the full
 * workload, several repetitions alternating with the commit before (BENCHMARKS, Reproducing).
 * Exit code 0 when every figure is within its limit, 1 when one is not.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child.ts';
import type { WorkloadResult } from './workloads/types.ts';

/** One figure of one Ideamill transport against the floor's. */
export interface Check {
  what: string;
  ideamill: number;
  floor: number;
  /** ideamill ÷ floor. */
  ratio: number;
  /** The ratio's limit, and which side of it is a regression: below it (atLeast) or above. */
  limit: number;
  atLeast: boolean;
  passed: boolean;
}

const OFFERED_CASE = '20,000/s offered';
const FANOUT_CASE = 'N=50';

/**
 * The limits, as ratios to the floor in the same run. Throughput at 20,000/s offered: Ideamill
 * took in 0.99–1.23 × what the floor did in the runs of BENCHMARKS §5, at 0.64–0.79 × its CPU per
 * update where both were recorded; in the regression 0.18–0.61 × at 1.9–7.0 ×. Fan-out at N=50,
 * CPU per update: 1.50–2.14 × the floor's over y-websocket in every full run since 1 December,
 * 1.73–2.10 × over Socket.io, and 2.55 × in one repetition of the first check (5 December).
 */
export const LIMITS = {
  throughputReceived: 0.9,
  throughputCpu: 1.5,
  fanoutCpu: { 'ideamill-yws': 2.4, 'ideamill-sio': 3.0 },
} as const;

/** The checks for a bench result holding the throughput and fan-out workloads. */
export function checksOf(workloads: readonly WorkloadResult[]): Check[] {
  const figure = (workload: string, label: string, target: string, key: string): number => {
    const row = workloads
      .find((w) => w.id === workload)
      ?.rows.find((r) => r.case === label && r.target === target);
    const value = row?.metrics[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`no ${key} for ${target} in ${workload} ${label}`);
    }
    return value;
  };
  const checks: Check[] = [];
  const add = (
    what: string,
    workload: string,
    label: string,
    target: string,
    key: string,
    limit: number,
    atLeast: boolean,
  ) => {
    const ideamill = figure(workload, label, target, key);
    const floor = figure(workload, label, 'floor', key);
    const ratio = ideamill / floor;
    checks.push({
      what: `${what}, ${target}`,
      ideamill,
      floor,
      ratio,
      limit,
      atLeast,
      passed: atLeast ? ratio >= limit : ratio <= limit,
    });
  };
  for (const target of ['ideamill-yws', 'ideamill-sio'] as const) {
    const t = 'throughput';
    add(
      'throughput at 20,000/s: received/s',
      t,
      OFFERED_CASE,
      target,
      'appliedPerSec',
      LIMITS.throughputReceived,
      true,
    );
    add(
      'throughput at 20,000/s: CPU µs/update',
      t,
      OFFERED_CASE,
      target,
      'cpuUsPerUpdate',
      LIMITS.throughputCpu,
      false,
    );
    add(
      'fan-out N=50: CPU µs/update',
      'fanout',
      FANOUT_CASE,
      target,
      'cpuUsPerUpdate',
      LIMITS.fanoutCpu[target],
      false,
    );
  }
  return checks;
}

export function renderChecks(checks: readonly Check[]): string {
  return checks
    .map((c) => {
      const side = c.atLeast ? '≥' : '≤';
      const figures = `${Math.round(c.ideamill).toLocaleString('en')} against the floor's ${Math.round(c.floor).toLocaleString('en')}`;
      return `${c.passed ? 'ok  ' : 'FAIL'} ${c.what}: ${figures}, ${c.ratio.toFixed(2)} × (limit ${side} ${c.limit})`;
    })
    .join('\n');
}

async function main(): Promise<number> {
  const extra = process.argv.slice(2);
  for (const arg of extra) {
    if (!arg.startsWith('--ideamill-dir=')) throw new Error(`unknown argument ${arg}`);
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-check-')), 'check.json');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'bench', 'run.ts'),
        '--only=throughput,fanout',
        '--clients=50',
        '--targets=ideamill-yws,ideamill-sio,floor',
        '--reps=1',
        `--out=${out}`,
        ...extra,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench/run.ts exited with ${code}`);
  const { workloads } = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    workloads: WorkloadResult[];
  };
  const checks = checksOf(workloads);
  console.log(`\nAgainst the floor in the same run:\n${renderChecks(checks)}`);
  if (checks.every((c) => c.passed)) return 0;
  console.log(
    '\nOne repetition can be unlucky: run the failed workload with --reps=3, alternating with ' +
      'the commit before (--ideamill-dir), before believing or dismissing it.',
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
