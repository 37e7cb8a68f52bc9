/**
 * Moves SQLite's WAL checkpoints off the event loop. With the default auto-checkpoint, the
 * commit that pushes the WAL past 1,000 pages copies them into the database file and fsyncs
 * it, inside that commit: every few hundred document updates one relay waited 5–20 ms for the
 * disk. Here a worker thread, on its own connection, runs a PASSIVE checkpoint every
 * `intervalMs` (it never blocks the writer), and the server's connection never checkpoints.
 * Durability is unchanged: a commit is in the WAL before anything is relayed; checkpoints
 * only copy committed pages into the main file.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from './database.ts';

/** SQLite's own default, restored when the worker is gone. */
const AUTO_CHECKPOINT_PAGES = 1000;

// Plain JavaScript, evaluated in the worker: the server may run under tsx or vitest, and a
// worker does not inherit either's TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
let timer;
const tick = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpoint', ...result });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message || error) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointerOptions {
  intervalMs: number;
  logger: Logger;
}

interface CheckpointMessage {
  kind: 'checkpoint';
  busy: number;
  log: number;
  checkpointed: number;
}

interface ErrorMessage {
  kind: 'error';
  message: string;
}

export class Checkpointer {
  readonly #db: Db;
  readonly #worker: Worker;
  readonly #logger: Logger;
  #stopped = false;
  /** Checkpoints the worker has run (tests read it to know one has happened). */
  runs = 0;
  /** What the last one found: WAL frames (`log`), how many are in the database file, busy. */
  last: { log: number; checkpointed: number; busy: number } | null = null;

  constructor(db: Db, { intervalMs, logger }: CheckpointerOptions) {
    this.#db = db;
    this.#logger = logger;
    const synchronous = db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL';
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: db.name,
        synchronous,
        intervalMs,
      },
    });
    this.#worker.unref();
    this.#worker.on('message', (message: CheckpointMessage | ErrorMessage) => {
      if (message.kind === 'checkpoint') {
        this.runs++;
        this.last = { log: message.log, checkpointed: message.checkpointed, busy: message.busy };
      } else this.#logger.warn({ reason: message.message }, 'WAL checkpoint failed; will retry');
    });
    this.#worker.on('error', (error) => this.#fallBack(error));
    this.#worker.on('exit', () => this.#fallBack(null));
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Without the worker, the connection checkpoints for itself again, so the WAL stays small. */
  #fallBack(error: Error | null): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#logger.error({ err: error }, 'WAL checkpointer stopped; checkpointing inline');
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  }

  /** Stops the worker and waits until its connection is closed. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Keeps the process alive until the worker's connection is closed.
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await exited;
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  }
}
