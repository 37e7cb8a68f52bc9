/**
 * Runs writes that arrive in the same event-loop turn in one SQLite transaction, and answers
 * each only after that transaction has committed. In a vote storm most of the cost of a vote
 * is its own commit; hundreds of votes sharing one keep every acknowledged vote durable.
 * Each write runs in order; one that throws is rolled back on its own (a transaction function
 * called inside another becomes a savepoint) and only its caller gets the error.
 */
import type { Transaction } from 'better-sqlite3';
import type { Db } from './database.ts';

interface Queued {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class TransactionBatch {
  readonly #db: Db;
  /** Compiled once: better-sqlite3 builds a transaction function's wrappers on each call. */
  readonly #runAll: Transaction<(batch: readonly Queued[]) => Outcome[]>;
  #queue: Queued[] = [];

  constructor(db: Db) {
    this.#db = db;
    // Called inside #runAll, it becomes a savepoint: a failing write rolls back on its own.
    const runOne = db.transaction((write: () => unknown) => write());
    this.#runAll = db.transaction((batch: readonly Queued[]) =>
      batch.map((queued): Outcome => {
        try {
          return { ok: true, value: runOne(queued.run) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#queue.length === 0) setImmediate(() => this.#flush());
      this.#queue.push({ run: write, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    if (!this.#db.open) {
      // The server shut down within this turn: nothing was stored, and each caller hears so.
      const closed = new Error('The database closed before these writes ran.');
      for (const queued of batch) queued.reject(closed);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = this.#runAll.immediate(batch);
    } catch (error) {
      // The commit itself failed: nothing in the batch was stored.
      for (const queued of batch) queued.reject(error);
      return;
    }
    for (const [i, outcome] of outcomes.entries()) {
      const queued = batch[i]!;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    }
  }
}
