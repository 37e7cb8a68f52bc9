/**
 * `npm run bench:store [-- --quick] [--ideamill-dir=DIR ...] [--out=FILE]`: what storing one
 * update costs the server (DocumentsRepository.append, one transaction, as a lone update on a
 * quiet board is stored) on a real SQLite file: CPU (user + system) and wall time per append,
 * WAL bytes per append, and the CPU per append of checkpointing those bytes into the database
 * (the checkpoint thread's work). SQLITE_SYNCHRONOUS=FULL measures with an fsync per commit.
 *
 * Each tree (this one, then each --ideamill-dir) is measured in its own child process, the trees
 * alternating, so two schemas or repositories can be compared in one run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child.ts';
import { median } from './stats.ts';

const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 7;
const APPENDS = quick ? 200 : 3000;
/** Log rows already stored, over BOARDS boards: a server with many boards' log tails. */
const PREFILL = quick ? 2000 : 50_000;
const BOARDS = 200;
const UPDATE_BYTES = 59; // a note moved, as in the fan-out
/** The server's SQLITE_SYNCHRONOUS: NORMAL (its default) or FULL (an fsync per commit). */
const SYNCHRONOUS = process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';

export interface Figures {
  cpuUs: number;
  /** Wall time per append: how long it holds the event loop (with FULL, the fsync's wait). */
  wallUs: number;
  walBytes: number;
  checkpointCpuUs: number;
}

/** One measurement of the tree at `dir`: run in a child process. */
async function measure(dir: string): Promise<Figures> {
  const { databaseFile, openDatabase } = await import(path.join(dir, 'server/store/database.ts'));
  const { DocumentsRepository } = await import(
    path.join(dir, 'server/store/documents-repository.ts')
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-store-bench-'));
  try {
    const db = openDatabase({ dataDir, synchronous: SYNCHRONOUS });
    // As the server's connection: its checkpoints run on a thread of their own (checkpointer.ts).
    db.pragma('wal_autocheckpoint = 0');
    const documents = new DocumentsRepository(db);
    const addBoard = db.prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES (?, 'B', 'blank', 'en', 1)",
    );
    const boards = Array.from({ length: BOARDS }, () => crypto.randomUUID());
    for (const board of boards) addBoard.run(board);
    const update = new Uint8Array(UPDATE_BYTES).fill(7);
    for (let i = 0; i < PREFILL; i += 100) {
      const board = boards[(i / 100) % BOARDS]!;
      documents.append(
        board,
        board,
        Array.from({ length: 100 }, () => update),
      );
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const walPath = `${databaseFile(dataDir)}-wal`;
    const board = boards[7]!;
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < APPENDS; i++) documents.append(board, board, [update]);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const walBytes = fs.statSync(walPath).size;
    const checkpointCpu = process.cpuUsage();
    db.pragma('wal_checkpoint(PASSIVE)');
    const checkpointUsed = process.cpuUsage(checkpointCpu);
    db.close();
    return {
      cpuUs: (used.user + used.system) / APPENDS,
      wallUs: (wallMs * 1000) / APPENDS,
      walBytes: walBytes / APPENDS,
      checkpointCpuUs: (checkpointUsed.user + checkpointUsed.system) / APPENDS,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What `--out` writes (the quick run's test reads it): each tree's repetitions. */
export type StoreBenchResult = { dir: string; reps: Figures[] }[];

const outArg = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const childDir = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (childDir) {
  process.stdout.write(JSON.stringify(await measure(childDir)));
} else {
  const dirs = [
    ROOT,
    ...process.argv
      .filter((a) => a.startsWith('--ideamill-dir='))
      .map((a) => path.resolve(a.slice('--ideamill-dir='.length))),
  ];
  const runs = new Map<string, Figures[]>(dirs.map((dir) => [dir, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const dir of dirs) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'bench/store-append.ts'), `--child=${dir}`],
        { cwd: ROOT, encoding: 'utf8' },
      );
      runs.get(dir)!.push(JSON.parse(out) as Figures);
    }
  }
  console.log(
    `${APPENDS} appends of a ${UPDATE_BYTES}-byte update, one transaction each, after ${PREFILL} ` +
      `log rows on ${BOARDS} boards, synchronous=${SYNCHRONOUS}; medians of ${REPS}`,
  );
  const base = runs.get(ROOT)!;
  for (const [dir, figures] of runs) {
    const cpu = median(figures.map((f) => f.cpuUs));
    const walBytes = median(figures.map((f) => f.walBytes));
    const checkpoint = median(figures.map((f) => f.checkpointCpuUs));
    const wall = median(figures.map((f) => f.wallUs));
    const ratio =
      dir === ROOT
        ? ''
        : `  (this tree ÷ it: ${(median(base.map((f) => f.cpuUs)) / cpu).toFixed(2)} CPU, ${(median(base.map((f) => f.walBytes)) / walBytes).toFixed(2)} WAL)`;
    console.log(
      `${dir === ROOT ? 'this tree' : dir}: ${cpu.toFixed(1)} µs CPU, ${wall.toFixed(1)} µs wall, ` +
        `${Math.round(walBytes)} WAL bytes, ` +
        `checkpoint ${checkpoint.toFixed(1)} µs CPU per append${ratio}`,
    );
    console.log(`  per repetition, µs: ${figures.map((f) => f.cpuUs.toFixed(1)).join(', ')}`);
  }
  if (outArg) {
    const result: StoreBenchResult = [...runs].map(([dir, reps]) => ({ dir, reps }));
    fs.writeFileSync(outArg, JSON.stringify(result, null, 2));
  }
}
