/** Opens the SQLite file and brings its schema up to date with numbered migrations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../errors.ts';
import { makeDirectory } from '../util/make-directory.ts';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
  /**
   * `upgrade` (the server, and a new database): an older schema is brought up to date.
   * `current` (the CLI on an existing database): an older schema is refused and left alone,
   * since the server using it may be that older Ideamill, which the upgrade would break.
   */
  schema?: 'upgrade' | 'current';
  /** Told of each migration run: for the log, as an upgrade may take a while. */
  onMigrated?: (version: number, ms: number) => void;
  /** Told how long the check of a database the server is to write took (it reads every page). */
  onChecked?: (ms: number) => void;
}

export const DATABASE_FILE = 'ideamill.sqlite';

/** Where the database of a data directory is. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function openDatabase({
  dataDir,
  synchronous,
  schema = 'upgrade',
  onMigrated,
  onChecked,
}: OpenOptions): Db {
  ensureDataDir(dataDir);
  let db: Db | undefined;
  try {
    createPrivateFile(databaseFile(dataDir));
    db = new Database(databaseFile(dataDir));
    // WAL: readers never block the writer. NORMAL keeps every commit across a process crash
    // (kill -9); FULL also across power loss, at the cost of an fsync per commit.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    // Freed pages and cells are overwritten with zeros: what compaction folds away (a deleted
    // note's words in the log and in the state before) and what a deleted board held do not
    // linger in the file's free space. A compaction reuses most of what it frees for its new
    // state at once, so this costs it little more WAL (npm run bench:delete measures it).
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // What will write to it (the server, an upgrade) first makes sure it is whole: a damaged
    // page otherwise served 500s behind a healthy /healthz (QA), and the nightly backup copied
    // it. The CLI's reading commands skip this, so that what can still be read can be saved.
    if (schema === 'upgrade') checkWhole(db, onChecked);
    migrate(db, databaseFile(dataDir), schema, onMigrated);
    return db;
  } catch (error) {
    db?.close();
    throw openFailure(error, dataDir);
  }
}

/**
 * Creates DATA_DIR if need be, readable by its owner only (names, e-mail addresses and
 * everything written on a board are in it); one that cannot hold the database stops the start
 * in words. An existing directory keeps the permissions the operator gave it.
 */
export function ensureDataDir(dataDir: string): void {
  try {
    makeDirectory(dataDir, 0o700);
  } catch (error) {
    throw openFailure(error, dataDir, dataDir);
  }
}

/**
 * Creates `file` empty, readable and writable by its owner only, unless it exists: SQLite
 * would create it readable by everyone (0644 under the usual umask), and gives its -wal and
 * -shm files the same permissions as the database's (QA).
 */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * The operator's reading of an error opening the data directory, its database or its lock
 * (`file`: the one being opened). SQLite's extended codes (SQLITE_READONLY_DIRECTORY,
 * SQLITE_CANTOPEN_ISDIR, …) read as their primary one.
 */
export function openFailure(
  error: unknown,
  dataDir: string,
  file = databaseFile(dataDir),
): unknown {
  const { code: extended, message } = error as { code?: string; message?: string };
  const code = extended?.match(/^SQLITE_[A-Z]+/)?.[0] ?? extended;
  // Not a permission: the directory was writable (operator QA: it was blamed on one).
  if (code === 'SQLITE_CANTOPEN' && file === databaseFile(dataDir) && isDirectory(file)) {
    return new StartupError(
      `${file} is a directory, where the database file should be: move it away, or point ` +
        'DATA_DIR at another directory.',
    );
  }
  switch (code) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new StartupError(
        `The database ${file} is damaged (${message}). Put the latest backup in its place ` +
          '(`ideamill backup FILE` makes one), or point DATA_DIR at another directory.',
      );
    case 'SQLITE_FULL':
      return new StartupError(
        `The disk holding ${file} is full (${message}). Free some space and start again: an ` +
          'upgrade of the schema may need about as much again as the database takes.',
      );
    case 'EEXIST':
    case 'ENOTDIR':
      return new StartupError(`DATA_DIR ${dataDir} is not a directory (${message}).`);
    case 'EACCES':
    case 'EPERM':
    // Where nothing can be made, as under /proc.
    case 'ENOENT':
    case 'EROFS':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return new StartupError(
        `Cannot write ${file} (${message}): DATA_DIR must be a directory this user can write ` +
          `(DATA_DIR is ${dataDir}).`,
      );
    default:
      return error;
  }
}

/** SQLite's quick_check (every page, not the indexes against their tables); throws as SQLite. */
export function checkWhole(db: Db, onChecked?: (ms: number) => void): void {
  const started = performance.now();
  const damage = damageFound(db);
  if (damage) throw Object.assign(new Error(damage), { code: 'SQLITE_CORRUPT' });
  onChecked?.(performance.now() - started);
}

/** How many of quick_check's findings a message quotes. */
const FINDINGS_QUOTED = 3;

/**
 * What quick_check finds wrong, on one line, or null where the file is whole. Its first few
 * findings only: one damaged page can orphan every page under it, and the whole list (a line for
 * each, "Page 47: never used") went into a one-line message, a cron mail of 100 lines (operator
 * QA). The lines of SQLite's answer are its findings under a heading naming the database.
 */
export function damageFound(db: Db): string | null {
  const check = String(db.pragma('quick_check', { simple: true }));
  if (check === 'ok') return null;
  const findings = check.split('\n').filter((line) => line && !line.startsWith('*** in database'));
  const more = findings.length - FINDINGS_QUOTED;
  const quoted = findings.slice(0, FINDINGS_QUOTED).join('; ');
  return `quick_check: ${quoted}${more > 0 ? `; and ${more} more` : ''}`;
}

function migrate(
  db: Db,
  file: string,
  schema: 'upgrade' | 'current',
  onMigrated?: (version: number, ms: number) => void,
): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.length;
  if (current > latest) {
    throw new StartupError(
      `The database ${file} has schema version ${current}, newer than this Ideamill's ` +
        `(${latest}): a newer Ideamill upgraded it. Run that version; or, to go back to this ` +
        'one, put the backup taken before the upgrade in its place.',
    );
  }
  if (current < latest && schema === 'current') {
    throw new StartupError(
      `The database ${file} has schema version ${current}, older than this Ideamill's ` +
        `(${latest}), and is left as it is: the server using it may be the older Ideamill. ` +
        'Start this version with `ideamill serve` to upgrade it (back it up first: ' +
        '`ideamill backup FILE` copies any version).',
    );
  }
  for (let version = current; version < latest; version++) {
    const started = performance.now();
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
    onMigrated?.(version + 1, performance.now() - started);
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
