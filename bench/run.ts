/**
 * `npm run bench [-- --quick] [--only=fanout,awareness,...] [--reps=N] [--targets=a,b] [--cpu-prof]
 *   [--clients=50,200] [--ideamill-dir=PATH] [--out=FILE]` (PATH: another checkout of Ideamill,
 *   e.g. a git worktree of a commit; --clients: the fan-out's receivers and the awareness storm's
 *   clients instead of the workloads' own sizes)
 * Runs the workloads, prints a table per workload and writes bench/results/<timestamp>.json
 * (or FILE).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child.ts';
import { ServerCache } from './peers/server-cache.ts';
import { renderWorkload } from './report.ts';
import { TARGETS, type TargetId } from './targets.ts';
import { WORKLOADS } from './workloads/index.ts';
import { WorkerPool } from './workloads/pool.ts';
import type { BenchOptions, WorkloadResult } from './workloads/types.ts';

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const known = new Set([
    'quick',
    'only',
    'reps',
    'targets',
    'cpu-prof',
    'clients',
    'ideamill-dir',
    'out',
  ]);
  for (const key of flags.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const list = (key: string) => flags.get(key)?.split(',').filter(Boolean);
  return {
    quick: flags.get('quick') === 'true',
    only: list('only'),
    reps: flags.has('reps') ? Number(flags.get('reps')) : undefined,
    targets: list('targets'),
    cpuProf: flags.get('cpu-prof') === 'true',
    clients: list('clients')?.map(Number),
    ideamillDir: flags.get('ideamill-dir'),
    out: flags.get('out'),
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const targetIds = (args.targets ?? TARGETS.map((t) => t.id)) as TargetId[];
  for (const id of targetIds) {
    if (!TARGETS.some((t) => t.id === id)) throw new Error(`unknown target ${id}`);
  }
  const workloads = WORKLOADS.filter((w) => !args.only || args.only.includes(w.id));
  if (workloads.length === 0) throw new Error(`no workload matches --only=${args.only}`);
  if (args.clients?.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error('--clients takes positive whole numbers, e.g. --clients=50,200');
  }
  const started = Date.now();
  const options: BenchOptions = {
    quick: args.quick,
    reps: args.reps ?? (args.quick ? 1 : 3),
    clients: args.clients,
    targets: targetIds,
    peer: {
      cpuProfDir: args.cpuProf ? path.join(resultsDir, `prof-${stamp}`) : undefined,
      ideamillDir: args.ideamillDir ? path.resolve(args.ideamillDir) : undefined,
    },
    settleMs: args.quick ? 100 : 500,
    servers: args.quick ? new ServerCache() : undefined,
    pool: new WorkerPool(),
    log: (message) =>
      process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`),
  };
  const file = args.out ? path.resolve(args.out) : path.join(resultsDir, `${stamp}.json`);
  const results: WorkloadResult[] = [];
  const save = () =>
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: new Date(started).toISOString(),
          durationSec: (Date.now() - started) / 1000,
          command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
          machine: machine(),
          options: {
            quick: options.quick,
            reps: options.reps,
            clients: options.clients ?? null,
            targets: options.targets,
            ideamillDir: options.peer.ideamillDir ?? null,
          },
          workloads: results,
        },
        null,
        2,
      )}\n`,
    );
  console.log(`Ideamill benchmark${options.quick ? ' (quick)' : ''}: ${JSON.stringify(machine())}`);
  try {
    for (const workload of workloads) {
      options.log(`${workload.title}`);
      const result = await workload.run(options);
      results.push(result);
      save();
      console.log(`\n${renderWorkload(result)}\n`);
    }
  } finally {
    await options.pool.stop();
    await options.servers?.stopAll();
  }
  console.log(
    `Results: ${path.relative(process.cwd(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
