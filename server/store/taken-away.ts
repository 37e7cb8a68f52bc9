/**
 * What was taken away since a backup, carried across a restore so that a restore does not undo
 * an erasure. A backup taken before still holds a deleted board, a deleted version, a member
 * taken off and an erased name; `ideamill restore` reads from the database it replaces:
 * - the record of deleted boards (deleted_boards): added to the restored copy's, and the
 *   server deletes such a board again as it starts (BoardsService.deleteAgain);
 * - the record of versions a facilitator deleted (deleted_snapshots): added, and the versions
 *   deleted from the restored copy at once;
 * - its members taken off, and their names erased: where the backup has them still on the
 *   board, or named, a row of members_to_take_off, and the server takes them off (erases them)
 *   again as it starts (BoardsService.takeOffAgain): the follow-ups given to an erased name
 *   lose it then too.
 * The records hold ids and times, nothing of what was taken away.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ERASED_MEMBER_NAME } from '../../shared/api.ts';
import { MIGRATIONS } from './migrations.ts';

/** The migrations that make the records' tables (only those): a backup of an older schema runs them. */
const RECORD_TABLES = ['deleted_boards', 'deleted_snapshots'].map((table) => {
  const sql = MIGRATIONS.find((migration) =>
    migration.includes(`CREATE TABLE IF NOT EXISTS ${table}`),
  );
  if (!sql) throw new Error(`no migration makes the ${table} table`);
  return sql;
});

const ERASED_NAMES = new Set(Object.values(ERASED_MEMBER_NAME));

export interface ComingBack {
  id: string;
  title: string;
}

export interface TakenAway {
  /** Boards the backup holds that were deleted after it: the server deletes them again. */
  comingBack: ComingBack[];
  /** Versions deleted after the backup, deleted again from the restored copy. */
  versionsDeleted: number;
  /** Members taken off after the backup (`erased` of them with their names): taken off again. */
  membersTakenOff: number;
  erased: number;
  /** Why the replaced database could not be read, where it could not: nothing was carried. */
  unreadable?: string;
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

interface Recorded {
  boards: { id: string; deleted_at: number }[];
  snapshots: { id: string; board_id: string; deleted_at: number }[];
  members: { id: string; removed_at: number; name: string }[];
}

/**
 * Carries what `replaced` (the database the restore set aside, if there was one) had taken away
 * into `restored`, except the boards of `undelete`: see the module's comment.
 */
export function carryTakenAway(
  replaced: string | null,
  restored: string,
  undelete: readonly string[],
): TakenAway {
  let record: Recorded = { boards: [], snapshots: [], members: [] };
  let unreadable: string | undefined;
  try {
    if (replaced && fs.existsSync(replaced)) record = recordedIn(replaced);
  } catch (error) {
    // A damaged database is a reason to restore: that must not fail for the record's sake.
    unreadable = (error as Error).message;
  }
  const db = new Database(restored, { fileMustExist: true });
  try {
    // What is deleted again leaves no words in the file's free space, as on the live server
    // (database.ts; privacy QA: a deleted version's text survived the restore).
    db.pragma('secure_delete = ON');
    for (const sql of RECORD_TABLES) db.exec(sql);
    const recordBoard = db.prepare<[string, number]>(
      'INSERT OR IGNORE INTO deleted_boards (id, deleted_at) VALUES (?, ?)',
    );
    const forgetBoard = db.prepare<[string]>('DELETE FROM deleted_boards WHERE id = ?');
    const recordSnapshot = db.prepare<[string, string, number]>(
      'INSERT OR IGNORE INTO deleted_snapshots (id, board_id, deleted_at) VALUES (?, ?, ?)',
    );
    const deleteSnapshot = db.prepare<[string]>('DELETE FROM snapshots WHERE id = ?');
    const memberHere = db.prepare<[string], { removed_at: number | null; name: string }>(
      'SELECT removed_at, name FROM members WHERE id = ?',
    );
    const takeOff = db.prepare<[string, number]>(
      'INSERT OR REPLACE INTO members_to_take_off (id, erase) VALUES (?, ?)',
    );
    const carried = { versionsDeleted: 0, membersTakenOff: 0, erased: 0 };
    db.transaction(() => {
      for (const row of record.boards) recordBoard.run(row.id, row.deleted_at);
      for (const id of undelete) forgetBoard.run(id);
      for (const row of record.snapshots) {
        recordSnapshot.run(row.id, row.board_id, row.deleted_at);
        carried.versionsDeleted += deleteSnapshot.run(row.id).changes;
      }
      for (const row of record.members) {
        const here = memberHere.get(row.id);
        if (!here) continue;
        const erase = ERASED_NAMES.has(row.name) && !ERASED_NAMES.has(here.name);
        if (here.removed_at !== null && !erase) continue;
        takeOff.run(row.id, erase ? 1 : 0);
        carried.membersTakenOff += 1;
        if (erase) carried.erased += 1;
      }
    })();
    const comingBack = db
      .prepare<[], ComingBack>(
        'SELECT b.id, b.title FROM deleted_boards d JOIN boards b ON b.id = d.id ORDER BY b.title',
      )
      .all();
    return { comingBack, ...carried, ...(unreadable === undefined ? {} : { unreadable }) };
  } finally {
    db.close();
  }
}

/** What a database had taken away: nothing of what its schema did not record yet. */
function recordedIn(file: string): Recorded {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
      undefined;
    const hasColumn = (table: string, column: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some(
        (info) => info.name === column,
      );
    return {
      boards: has('deleted_boards')
        ? db
            .prepare<[], Recorded['boards'][number]>('SELECT id, deleted_at FROM deleted_boards')
            .all()
        : [],
      snapshots: has('deleted_snapshots')
        ? db
            .prepare<[], Recorded['snapshots'][number]>(
              'SELECT id, board_id, deleted_at FROM deleted_snapshots',
            )
            .all()
        : [],
      members: hasColumn('members', 'removed_at')
        ? db
            .prepare<[], Recorded['members'][number]>(
              'SELECT id, removed_at, name FROM members WHERE removed_at IS NOT NULL',
            )
            .all()
        : [],
    };
  } finally {
    db.close();
  }
}
