import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TransactionBatch } from '../../server/store/transaction-batch.ts';
import { tempDataDir } from '../helpers/server.ts';

describe('writes batched into one transaction per event-loop turn', () => {
  let db: Database.Database;
  afterEach(() => db?.close());

  function setUp() {
    db = new Database(`${tempDataDir()}/batch.sqlite`);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get() as number;
    return { batch: new TransactionBatch(db), insert, count };
  }

  it('answers each write after the shared commit, in order, with its own result', async () => {
    const { batch, insert, count } = setUp();
    const order: number[] = [];
    const writes = [1, 2, 3].map((n) =>
      batch.run(() => {
        insert.run(n);
        order.push(n);
        return count();
      }),
    );
    // Nothing has run yet: the batch waits for the end of this turn.
    expect(count()).toBe(0);
    expect(await Promise.all(writes)).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(count()).toBe(3);
  });

  it('rolls back only the write that failed, and tells only its caller', async () => {
    const { batch, insert, count } = setUp();
    const first = batch.run(() => insert.run(1));
    const failing = batch.run(() => {
      insert.run(2);
      throw new Error('refused');
    });
    const last = batch.run(() => insert.run(3));
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([first, last]);
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
    expect(count()).toBe(2);
  });
});
