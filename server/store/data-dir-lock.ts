/**
 * One server per data directory. Two servers on one SQLite file each keep their own copy of a
 * board in memory and fold it into the stored state, deleting the log rows it covers: one
 * server's compaction deleted the edits the other had stored (and acknowledged), and neither
 * relayed the other's edits. The server holds an exclusive SQLite lock on `ideamill.lock` for as
 * long as it runs; the operating system drops the lock with the process, also on kill -9, so a
 * crash never leaves a stale lock behind. The CLI's other commands take no lock: they work
 * beside the server through SQLite's own locking.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../errors.ts';
import { createPrivateFile, ensureDataDir, openFailure } from './database.ts';

export const LOCK_FILE = 'ideamill.lock';

export interface DataDirLock {
  release(): void;
}

/** `command`: the CLI's command taking the lock, where it is not a server (restore, say). */
export function lockDataDir(dataDir: string, command?: string): DataDirLock {
  ensureDataDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  let lock: Database.Database;
  try {
    createPrivateFile(file);
    lock = new Database(file, { timeout: 0 });
  } catch (error) {
    throw openFailure(error, dataDir, file);
  }
  try {
    // EXCLUSIVE locking mode keeps the lock a write takes until the connection closes; the
    // journal stays in memory, so the lock leaves no other file behind.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StartupError(
        command
          ? // Not a second server: another DATA_DIR would be another database (operator QA).
            `An Ideamill server is serving DATA_DIR ${dataDir} (it holds ${file}): ${command} ` +
              'works with the server stopped. Stop it, run this again, then start it.'
          : `Another Ideamill server is already serving DATA_DIR ${dataDir} (it holds ${file}). ` +
              'Two servers on one data directory would lose each other’s edits: stop the other ' +
              'one, or give this one a DATA_DIR of its own.',
      );
    }
    throw openFailure(error, dataDir, file);
  }
  return { release: () => lock.close() };
}
