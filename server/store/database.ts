/** Opens the SQLite file and brings its schema up to date with numbered migrations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
}

export const DATABASE_FILE = 'ideamill.sqlite';

/** Where the database of a data directory is. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function openDatabase({ dataDir, synchronous }: OpenOptions): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(databaseFile(dataDir));
  // WAL: readers never block the writer. NORMAL keeps every commit across a process crash
  // (kill -9); FULL also across power loss, at the cost of an fsync per commit.
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database schema (version ${current}) is newer than this Ideamill (${MIGRATIONS.length}); upgrade Ideamill.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
