/** The CLI's commands: each parses its own arguments and calls the same services as the server. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createBoardBody, LANGUAGES, type Language } from '../../shared/api.ts';
import {
  CSV_SEPARATORS,
  CSV_TABLES,
  EXPORT_FORMATS,
  type ExportFormat,
  isTimeZone,
  localTimeZone,
  spreadsheetSeparator,
} from '../../shared/follow-through.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { MAX_TEAM_BOARDS, teamBoardTitle } from '../../shared/team-boards.ts';
import { TEMPLATES, type Template } from '../../shared/templates.ts';
import { boardLink } from '../boards/boards-service.ts';
import type { Config } from '../config/config.ts';
import { compactStored } from '../documents/stored-compaction.ts';
import { renderExport } from '../follow-through/exports/index.ts';
import { serveUntilSignal } from '../serve.ts';
import { createServices } from '../services.ts';
import { lockDataDir } from '../store/data-dir-lock.ts';
import { checkWhole, createPrivateFile, damageFound, databaseFile } from '../store/database.ts';
import { MIGRATIONS } from '../store/migrations.ts';
import { boardsNotIn, carryTakenAway } from '../store/taken-away.ts';
import { exportAll } from './export-all.ts';

export class UsageError extends Error {}

interface Context {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  config: Config;
  logger: Logger;
  /** The process's environment, for what the operator's locale decides (the CSV separator). */
  env: NodeJS.ProcessEnv;
}

/**
 * The locale numbers are written in, as POSIX picks it: the first of LC_ALL, LC_NUMERIC and
 * LANG that is set and not empty, "fi_FI.UTF-8" as "fi-FI"; "C" and "POSIX" are English. Not
 * Intl's own default, which follows LC_MESSAGES (QA: LANG=fi_FI.UTF-8 with LC_MESSAGES=en_US
 * wrote commas, and a Finnish spreadsheet opened the file in one column).
 */
export function numberLocale(env: NodeJS.ProcessEnv): string | undefined {
  const posix = [env.LC_ALL, env.LC_NUMERIC, env.LANG].find((value) => value);
  if (!posix) return undefined;
  if (posix === 'C' || posix === 'POSIX' || posix.startsWith('C.')) return 'en';
  return posix.split(/[.@]/)[0]?.replace(/_/g, '-');
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Command {
  summary: string;
  usage: string;
  details?: string;
  options: OptionSpec;
  /** How many arguments besides options it takes at most (unset: any number). */
  maxArguments?: number;
  run(context: Context): Promise<number>;
}

/** `--count`: how many boards, 1 unless given. */
function teamCount(value: unknown): number {
  if (value === undefined) return 1;
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (count >= 1 && count <= MAX_TEAM_BOARDS) return count;
  throw new UsageError(`--count must be a whole number from 1 to ${MAX_TEAM_BOARDS}`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new UsageError(`${what} must be one of: ${allowed.join(', ')}`);
}

/** "1 member", "3 members". */
function counted(n: number, thing: string): string {
  return `${n} ${thing}${n === 1 ? '' : 's'}`;
}

function origin(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/**
 * Runs `work` on the services and closes the database afterwards, without side effects. Only
 * `create` may start a new database: reading one that is not there means DATA_DIR is wrong, and
 * an empty new file in its place would answer "no boards" (or back up nothing) without a word.
 */
async function withServices<T>(
  context: Context,
  work: (services: ReturnType<typeof createServices>) => T | Promise<T>,
  database: 'existing' | 'create' = 'existing',
): Promise<T> {
  const file = path.resolve(databaseFile(context.config.dataDir));
  if (database === 'existing' && !fs.existsSync(file)) {
    throw new Error(`there is no database at ${file}: check DATA_DIR`);
  }
  // Beside a running server, which may be an older Ideamill: nothing but `create-board` changes
  // the schema (QA: `list-boards` from a new checkout upgraded the database under the old server).
  // `create-board` may start a database, not upgrade one that is there (operator QA: it did,
  // under the older server using it).
  const services = createServices(
    context.config,
    context.logger,
    database === 'create' && !fs.existsSync(file) ? 'upgrade' : 'current',
  );
  try {
    return await work(services);
  } finally {
    services.documents.release();
    services.metrics.stop();
    services.db.close();
  }
}

/** The schema version of a backup that SQLite finds whole; throws where it is not one. */
function checkedBackup(file: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const damage = damageFound(db);
    if (damage) throw new Error(`the backup ${file} is damaged (${damage})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `the backup ${file} has schema version ${version}, newer than this Ideamill's (${MIGRATIONS.length})`,
      );
    }
    return version;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      throw new Error(`${file} is not a whole Ideamill database (${(error as Error).message})`);
    }
    throw error;
  } finally {
    db?.close();
  }
}

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'Start the server, with the web client as last built (npm start builds it first).',
    usage: '',
    options: {},
    maxArguments: 0,
    run: ({ config }) => serveUntilSignal(config),
  },

  'create-board': {
    summary: 'Create a board and print its three links.',
    usage: 'TITLE [--template T] [--language en|fi] [--count N] [--json]',
    details:
      `Templates: ${TEMPLATES.join(', ')}. Links use PUBLIC_URL, else http://localhost:PORT.\n` +
      `--count N makes N boards (at most ${MAX_TEAM_BOARDS}), one per team, titled "TITLE · Team 1"…; ` +
      'with --json, an array.',
    options: {
      template: { type: 'string', short: 't' },
      language: { type: 'string', short: 'l' },
      count: { type: 'string', short: 'n' },
      json: { type: 'boolean' },
    },
    run: (context) =>
      withServices(
        context,
        ({ boards, db }) => {
          // The API's own rule for a title (1 to 200 characters).
          const title = createBoardBody.shape.title.safeParse(context.positionals.join(' '));
          if (!title.success) throw new UsageError(title.error.issues[0]?.message ?? 'bad title');
          const template = oneOf<Template>(
            context.values.template ?? 'blank',
            TEMPLATES,
            '--template',
          );
          const language = oneOf<Language>(
            context.values.language ?? 'en',
            LANGUAGES,
            '--language',
          );
          const count = teamCount(context.values.count);
          // All or none: a failure halfway must not leave boards whose links were never shown.
          const made = db.transaction(() =>
            Array.from({ length: count }, (_, index) => {
              const boardTitle = teamBoardTitle(title.data, index + 1, count, language);
              const { board, keys } = boards.create({ title: boardTitle, template, language });
              const links = Object.fromEntries(
                ROLES.map((role) => [
                  role,
                  boardLink(origin(context.config), board.id, keys[role]),
                ]),
              );
              return { board, keys, links };
            }),
          )();
          if (context.values.json) {
            console.log(JSON.stringify(count === 1 ? made[0] : made, null, 2));
            return 0;
          }
          for (const [index, { board, links }] of made.entries()) {
            console.log(`${index === 0 ? '' : '\n'}Created "${board.title}" (${board.id})\n`);
            for (const role of ROLES) console.log(`${role.padEnd(12)} ${links[role]}`);
          }
          return 0;
        },
        'create',
      ),
  },

  'new-link': {
    summary: "Make a new link for one of a board's roles; the role's old link stops working.",
    usage: 'BOARD facilitator|participant|viewer [--json]',
    details:
      'For a lost link, or one that reached the wrong people. Members who joined with the old ' +
      'link stay on the board. Links use PUBLIC_URL, else http://localhost:PORT.',
    maxArguments: 2,
    options: { json: { type: 'boolean' } },
    run: (context) =>
      withServices(context, ({ boards }) => {
        const [boardId, roleName] = context.positionals;
        if (!boardId) throw new UsageError('name the board');
        const role = oneOf<Role>(roleName, ROLES, 'the role');
        const key = boards.replaceKey(boardId, role);
        const link = boardLink(origin(context.config), boardId, key);
        if (context.values.json) console.log(JSON.stringify({ role, key, link }, null, 2));
        else console.log(`New ${role} link (the old one no longer opens the board):\n\n${link}`);
        return 0;
      }),
  },

  'list-boards': {
    summary: 'List every board: id, created, last active, template, members, title.',
    usage: '[--json]',
    maxArguments: 0,
    options: { json: { type: 'boolean' } },
    run: (context) =>
      withServices(context, ({ boards }) => {
        const active = boards.lastActive();
        const rows = boards.list().map((board) => ({
          ...board,
          activeAt: new Date(active.get(board.id) ?? Date.parse(board.createdAt)).toISOString(),
          members: boards.members(board.id).filter((member) => !member.removed).length,
        }));
        if (context.values.json) {
          console.log(JSON.stringify(rows, null, 2));
          return 0;
        }
        if (rows.length === 0) {
          console.log('No boards yet. Create one with: ideamill create-board "Title"');
          return 0;
        }
        for (const row of rows) {
          console.log(
            [
              row.id,
              // In UTC, and saying so: an operator's shell may be in any time zone.
              `${row.createdAt.slice(0, 16)}Z`,
              `${row.activeAt.slice(0, 16)}Z`,
              row.template.padEnd(16),
              String(row.members).padStart(4),
              row.title,
            ].join('  '),
          );
        }
        return 0;
      }),
  },

  export: {
    summary:
      "Export a board (or one of its snapshots, or every board) as md, csv, json, svg, ics or agenda (the next meeting's).",
    usage:
      '(BOARD | --all [--titled WORDS]) --format F [--out FILE] [--snapshot ID] [--table items|followups|concepts] [--separator comma|semicolon] [--tz ZONE]',
    details:
      'Without --out the export goes to standard output.\n' +
      '--all --out DIR: one file per board into DIR (made if missing), each named as the web ' +
      "download names it, with the board's id added where two titles give the same name. A file " +
      'already in DIR is never overwritten, and a board that fails does not stop the others: ' +
      'either is reported, and the exit code is 1.\n' +
      "--titled WORDS, with --all: only the boards whose title has WORDS in it, in any case (a day's " +
      'team boards, "Kehittämispäivä 2026 · Tiimi 1" to 7, on a server that holds others too).\n' +
      '--tz: the IANA time zone (Europe/Helsinki) the times in md and agenda are shown in; by ' +
      "default this process's own (TZ, else the system's; UTC if it has none).\n" +
      '--separator: by default semicolon where the locale (LC_ALL, LC_NUMERIC, LANG) writes 1.5 as 1,5, ' +
      'as the web page does, else comma.',
    maxArguments: 1,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      snapshot: { type: 'string' },
      table: { type: 'string' },
      separator: { type: 'string' },
      tz: { type: 'string' },
      all: { type: 'boolean' },
      titled: { type: 'string' },
    },
    run: (context) =>
      withServices(context, (services) => {
        const [boardId = ''] = context.positionals;
        const { all, out, snapshot } = context.values;
        if (all) {
          if (boardId) throw new UsageError('--all exports every board: name no board with it');
          if (typeof out !== 'string') {
            throw new UsageError('--all needs --out DIR: the directory to write the files into');
          }
          if (snapshot !== undefined) {
            throw new UsageError("--snapshot names one board's saved version, not --all's");
          }
        } else if (context.values.titled !== undefined) {
          throw new UsageError('--titled picks boards for --all: give --all with it');
        } else if (!boardId) {
          throw new UsageError('name the board to export, or give --all');
        }
        const format = oneOf<ExportFormat>(context.values.format, EXPORT_FORMATS, '--format');
        const table = oneOf(context.values.table ?? 'items', CSV_TABLES, '--table');
        const separator = oneOf(
          context.values.separator ?? spreadsheetSeparator(numberLocale(context.env)),
          CSV_SEPARATORS,
          '--separator',
        );
        const timeZone = context.values.tz ?? localTimeZone() ?? 'UTC';
        if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
          throw new UsageError('--tz must be an IANA time zone, such as Europe/Helsinki or UTC');
        }
        if (all && typeof out === 'string') {
          const { titled } = context.values;
          if (titled !== undefined && (typeof titled !== 'string' || titled.trim() === '')) {
            throw new UsageError('--titled needs the words the titles have in them');
          }
          return exportAll(services, out, format, { table, separator, timeZone }, titled?.trim());
        }
        const model = services.followThrough.exports.gather(
          boardId,
          typeof snapshot === 'string' ? snapshot : undefined,
        );
        const { body, filename } = renderExport(model, format, {
          table,
          separator,
          timeZone,
          names: services.followThrough.exports.namesShown(boardId),
        });
        if (typeof out === 'string') {
          try {
            fs.writeFileSync(out, body);
          } catch (error) {
            // fs says "no such file or directory" of the file it was to make.
            if ((error as { code?: string }).code === 'ENOENT') {
              throw new Error(`cannot write ${out}: its directory does not exist`);
            }
            throw error;
          }
          console.error(
            `Wrote ${path.resolve(out)} (${Buffer.byteLength(body)} bytes; ${filename})`,
          );
        } else {
          process.stdout.write(body);
        }
        return 0;
      }),
  },

  'delete-board': {
    summary: 'Delete a board and everything stored for it, for good (with the server stopped).',
    usage: 'BOARD --yes',
    details:
      'Without --yes it only says what would go. Backups taken before keep the board. While a ' +
      'server serves DATA_DIR, a facilitator deletes the board from its Facilitate panel, or the ' +
      'operator with DELETE /api/boards/BOARD and ADMIN_TOKEN (docs/API.md).',
    maxArguments: 1,
    options: { yes: { type: 'boolean' } },
    run: async (context) => {
      const [boardId] = context.positionals;
      if (!boardId) throw new UsageError('name the board to delete');
      // Not beside a server: it may hold the board in memory, and would store it again.
      const lock = lockDataDir(context.config.dataDir, 'ideamill delete-board');
      try {
        return await withServices(context, ({ boards }) => {
          const board = boards.get(boardId);
          const held = boards.contents(boardId);
          const what =
            `"${board.title}" (${board.id}): ${counted(held.members, 'member')}, ` +
            `${counted(held.rounds, 'voting round')}, ${counted(held.followUps, 'follow-up')}, ` +
            `${counted(held.snapshots, 'saved version')}`;
          if (!context.values.yes) {
            console.log(`Would delete ${what}.\nRun again with --yes to delete it for good.`);
            return 1;
          }
          boards.delete(boardId);
          console.log(`Deleted ${what}.`);
          return 0;
        });
      } finally {
        lock.release();
      }
    },
  },

  backup: {
    summary: 'Copy the database to FILE with SQLite online backup (safe while serving).',
    usage: 'FILE',
    options: {},
    maxArguments: 1,
    run: async (context) => {
      const [file] = context.positionals;
      if (!file) throw new UsageError('name the backup file');
      // Not wrong usage: the exit code is 1, and no usage text (operator QA).
      if (fs.existsSync(file)) throw new Error(`${file} exists already; choose a new name`);
      const folder = path.dirname(path.resolve(file));
      if (!fs.existsSync(folder)) {
        throw new Error(`there is no directory ${folder} to write the backup into: make it first`);
      }
      // The file as it is, whatever Ideamill's schema it has, read only: the backup taken
      // before an upgrade must be the database before it (QA: it used to be upgraded first).
      const source = path.resolve(databaseFile(context.config.dataDir));
      if (!fs.existsSync(source))
        throw new Error(`there is no database at ${source}: check DATA_DIR`);
      const db = new Database(source, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        // A backup holds all the database does: its owner's only, as the database is.
        createPrivateFile(file);
        await db.backup(file);
      } catch (error) {
        // No empty file under the backup's name, which the next try would refuse (operator QA).
        removeDatabaseFiles(file);
        throw error;
      } finally {
        db.close();
      }
      // A copy of a damaged database is no backup: it must not take a good one's place (QA: the
      // nightly job replaced a weekday's copy with one that restore then refused). The copy is
      // put in rollback-journal mode as it is checked, so that it is one file: opened in WAL
      // mode it left -wal and -shm files beside it, which the nightly rename left behind.
      const copy = new Database(file, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
        checkWhole(copy);
      } catch (error) {
        copy.close();
        removeDatabaseFiles(file);
        throw new Error(
          `the database ${source} is damaged, so no backup was written (${(error as Error).message}). ` +
            'Keep the backups you have; restore the latest (`ideamill restore FILE`) with the server stopped.',
        );
      }
      copy.close();
      console.log(`Backed up to ${path.resolve(file)} (${fs.statSync(file).size} bytes)`);
      return 0;
    },
  },

  restore: {
    summary: 'Put a backup in place of the database (with the server stopped).',
    usage: 'FILE [--undelete BOARD[,BOARD…]]',
    details:
      'Checks the backup first. The database it replaces is kept beside it, renamed, with its ' +
      '-wal and -shm files: a stale -wal left beside a restored copy would be replayed into it. ' +
      'What was taken away since the backup was taken stays away, so that a restore does not ' +
      'undo an erasure: a board deleted since is deleted again when the server starts ' +
      '(--undelete keeps the boards it names), a version deleted since is deleted from the ' +
      'restored copy, and members taken off since (their names erased) are taken off (erased) ' +
      'again when the server starts.',
    options: { undelete: { type: 'string' } },
    maxArguments: 1,
    run: async (context) => {
      const [file] = context.positionals;
      if (!file) throw new UsageError('name the backup file');
      const backup = path.resolve(file);
      if (!fs.existsSync(backup)) throw new Error(`there is no backup at ${backup}`);
      const version = checkedBackup(backup);
      const undelete = String(context.values.undelete ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const missing = boardsNotIn(backup, undelete);
      if (missing.length > 0) {
        throw new UsageError(`the backup holds no board ${missing.join(', ')} to keep`);
      }
      // Refused while a server serves DATA_DIR: it holds the lock, and the open file.
      const lock = lockDataDir(context.config.dataDir, 'ideamill restore');
      try {
        const target = path.resolve(databaseFile(context.config.dataDir));
        const kept = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        for (const suffix of ['', '-wal', '-shm']) {
          if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
        }
        const source = new Database(backup, { readonly: true, fileMustExist: true });
        try {
          createPrivateFile(target);
          await source.backup(target);
        } finally {
          source.close();
        }
        const taken = carryTakenAway(fs.existsSync(kept) ? kept : null, target, undelete);
        console.log(`Restored ${backup} (schema version ${version}) as ${target}.`);
        if (fs.existsSync(kept)) console.log(`The database it replaced is kept as ${kept}.`);
        if (taken.unreadable) {
          console.log(
            `What it had taken away could not be read (${taken.unreadable}): boards, versions ` +
              'and members deleted or taken off after the backup was taken are back, and names ' +
              'erased since. Delete and erase them again (DEPLOY.md §5).',
          );
        }
        if (taken.comingBack.length > 0) {
          console.log(
            `${taken.comingBack.length} board(s) in the backup were deleted after it was taken; ` +
              'the server deletes them again when it starts:',
          );
          for (const board of taken.comingBack) console.log(`  ${board.id}  ${board.title}`);
          console.log('To keep one, restore again with --undelete BOARD.');
        }
        if (taken.versionsDeleted > 0) {
          console.log(
            `${taken.versionsDeleted} version(s) deleted after the backup was taken are ` +
              'deleted from it again.',
          );
        }
        if (taken.membersTakenOff > 0) {
          console.log(
            `${taken.membersTakenOff} member(s) taken off the board after the backup was taken ` +
              `(${taken.erased} with the name erased) are taken off again when the server starts.`,
          );
        }
        return 0;
      } finally {
        lock.release();
      }
    },
  },

  compact: {
    summary: 'Fold update logs into compacted states (one board, or all) and checkpoint the WAL.',
    usage: '[BOARD] [--vacuum]',
    details: '--vacuum also rebuilds the file to return free pages to the disk (briefly locks it).',
    options: { vacuum: { type: 'boolean' } },
    run: (context) =>
      withServices(context, ({ boards, documentsRepository, db }) => {
        const ids = context.positionals.length
          ? context.positionals.map((id) => boards.get(id).id)
          : boards.list().map((board) => board.id);
        let folded = 0;
        for (const id of ids) {
          // Beside a server the board may be folded by it while we fold: then once more.
          let result = compactStored(documentsRepository, id, id);
          if ('changed' in result) result = compactStored(documentsRepository, id, id);
          if ('changed' in result) {
            console.log(`${id}  left as it is: the server folded it meanwhile`);
            continue;
          }
          folded += result.folded;
          console.log(`${id}  ${result.folded} log updates folded`);
        }
        db.pragma('wal_checkpoint(TRUNCATE)');
        if (context.values.vacuum) db.exec('VACUUM');
        console.log(`Compacted ${ids.length} board(s), ${folded} updates folded.`);
        return 0;
      }),
  },
};

/** A database file and the -wal and -shm files SQLite may have made beside it. */
function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
