/** WAL checkpoints run in a worker thread, never inside a commit on the server's event loop. */
import fs from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../server/store/checkpointer.ts';
import { type Db, openDatabase } from '../../server/store/database.ts';
import { DocumentsRepository } from '../../server/store/documents-repository.ts';
import { sleep, waitFor } from '../helpers/clients.ts';
import { tempDataDir } from '../helpers/server.ts';

const logger = pino({ level: 'silent' });

function walFrames(db: Db): number {
  // A PASSIVE checkpoint with nothing to copy reports the frames the WAL holds.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  return result!.log;
}

describe('WAL checkpointer', () => {
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });

  it('keeps the WAL short while the server connection never checkpoints itself', async () => {
    const dataDir = tempDataDir();
    const db = openDatabase({ dataDir, synchronous: 'NORMAL' });
    open.push(db);
    const checkpointer = new Checkpointer(db, { intervalMs: 20, logger });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.prepare(
      "INSERT INTO boards (id, title, template, language, created_at) VALUES ('b', 't', 'blank', 'en', 0)",
    ).run();
    const documents = new DocumentsRepository(db);
    // Far past SQLite's 1,000-page auto-checkpoint, which is off on this connection: the log
    // file grows to hold them all (a checkpoint copies frames out of it, never shortens it).
    for (let i = 0; i < 1_500; i++) documents.append('b', 'b', [new Uint8Array([i % 256, 1, 2])]);
    const frameBytes = (db.pragma('page_size', { simple: true }) as number) + 24;
    expect((fs.statSync(`${db.name}-wal`).size - 32) / frameBytes).toBeGreaterThan(1_000);
    // The whole log copied into the database file by a run of the worker's that began after
    // the appends. The reports of runs before them arrive first (a few turns of the event
    // loop); then at most one run was under way as they ended, and it reports the log as it
    // was when it began: all of that copied, but not all of the log. A run that lost the lock
    // to a commit on a busy machine copies only part.
    await sleep(100);
    const runsBefore = checkpointer.runs;
    await waitFor(
      () =>
        checkpointer.runs >= runsBefore + 2 &&
        checkpointer.last !== null &&
        checkpointer.last.log > 0 &&
        checkpointer.last.checkpointed === checkpointer.last.log,
      'a checkpoint by the worker that copied the whole log',
      30_000,
    );
    // Stopped first: a checkpoint of the worker's that is still running when the next commit
    // starts keeps that commit from starting the WAL over.
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // The worker copied the log into the database file; the next commit starts the WAL over.
    documents.append('b', 'b', [new Uint8Array([9])]);
    expect(walFrames(db)).toBeLessThan(50);
    db.close();

    const reopened = openDatabase({ dataDir, synchronous: 'NORMAL' });
    open.push(reopened);
    expect(new DocumentsRepository(reopened).load('b').updates).toHaveLength(1_501);
  });
});
