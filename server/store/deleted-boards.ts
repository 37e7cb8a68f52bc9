/**
 * The record of deleted boards across a restore. A backup taken before a board was deleted
 * still holds it; `ideamill restore` carries the record of the database it replaces into the
 * restored one, and the server then deletes such a board again (BoardsService.deleteAgain), so
 * a restore does not undo an erasure. The record is an id and a time, nothing of the board.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

/** The migration that makes the record's table (only that): a backup of an older schema runs it. */
const RECORD_TABLE = MIGRATIONS.find((sql) =>
  sql.includes('CREATE TABLE IF NOT EXISTS deleted_boards'),
);

export interface ComingBack {
  id: string;
  title: string;
}

/** Of `ids`, those the backup does not hold. */
export function boardsNotIn(backup: string, ids: readonly string[]): string[] {
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare<[string], number>('SELECT 1 FROM boards WHERE id = ?').pluck();
    return ids.filter((id) => has.get(id) === undefined);
  } finally {
    db.close();
  }
}

/**
 * Adds the deletions recorded in `replaced` (the database the restore set aside, if there was
 * one) to `restored`'s record, except `undelete`; returns the boards of `restored` that the
 * record names, which the server deletes again when it starts, and why the replaced database's
 * record could not be read, where it could not.
 */
export function carryDeletions(
  replaced: string | null,
  restored: string,
  undelete: readonly string[],
): { comingBack: ComingBack[]; unreadable?: string } {
  let rows: { id: string; deleted_at: number }[] = [];
  let unreadable: string | undefined;
  try {
    if (replaced && fs.existsSync(replaced)) rows = recordedIn(replaced);
  } catch (error) {
    // A damaged database is a reason to restore: that must not fail for the record's sake.
    unreadable = (error as Error).message;
  }
  const db = new Database(restored, { fileMustExist: true });
  try {
    if (!RECORD_TABLE) throw new Error('no migration makes the deleted_boards table');
    db.exec(RECORD_TABLE);
    const record = db.prepare<[string, number]>(
      'INSERT OR IGNORE INTO deleted_boards (id, deleted_at) VALUES (?, ?)',
    );
    const forget = db.prepare<[string]>('DELETE FROM deleted_boards WHERE id = ?');
    db.transaction(() => {
      for (const row of rows) record.run(row.id, row.deleted_at);
      for (const id of undelete) forget.run(id);
    })();
    const comingBack = db
      .prepare<[], ComingBack>(
        'SELECT b.id, b.title FROM deleted_boards d JOIN boards b ON b.id = d.id ORDER BY b.title',
      )
      .all();
    return unreadable === undefined ? { comingBack } : { comingBack, unreadable };
  } finally {
    db.close();
  }
}

/** The deletions a database records: none where its schema is older than the record. */
function recordedIn(file: string): { id: string; deleted_at: number }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deleted_boards'")
      .get();
    if (!hasTable) return [];
    return db
      .prepare<[], { id: string; deleted_at: number }>('SELECT id, deleted_at FROM deleted_boards')
      .all();
  } finally {
    db.close();
  }
}
