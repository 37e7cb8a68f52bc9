/** A data directory the server cannot use stops it at start with words naming the file. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/config.ts';
import { StartupError } from '../../server/errors.ts';
import { startServer } from '../../server/start-server.ts';
import { LOCK_FILE } from '../../server/store/data-dir-lock.ts';
import { databaseFile, openFailure } from '../../server/store/database.ts';
import { ideamill } from '../helpers/cli.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

/** A real database with a board in it, cut short or overwritten as a failing disk would leave it. */
async function damaged(how: 'truncated' | 'overwritten'): Promise<string> {
  const server = await startTestServer();
  await server.createBoard();
  await server.close();
  const file = databaseFile(server.dataDir);
  const bytes = fs.readFileSync(file);
  if (how === 'truncated') fs.writeFileSync(file, bytes.subarray(0, 5000));
  else fs.writeFileSync(file, Buffer.alloc(bytes.length, 0x5a));
  return server.dataDir;
}

/**
 * The boards table's first page overwritten, as a failing disk would leave it: SQLite still opens
 * the file, and only a read of that page finds the damage.
 */
function overwriteBoardsRoot(file: string): void {
  const db = new Database(file);
  const root = db
    .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'boards'")
    .pluck()
    .get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('a data directory the server cannot use', () => {
  it.each(['truncated', 'overwritten'] as const)(
    'a database that was %s stops the server and the CLI with a message naming the file',
    async (how) => {
      const dataDir = await damaged(how);
      const file = databaseFile(dataDir);
      const start = startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
      await expect(start).rejects.toThrow(StartupError);
      await expect(start).rejects.toThrow(`The database ${file} is damaged`);
      const cli = await ideamill(['list-boards'], { DATA_DIR: dataDir });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`The database ${file} is damaged`);
      expect(cli.stderr).toContain('backup');
      // A backup that fails leaves no empty file under its name, which a retry would refuse.
      const copy = path.join(tempDataDir(), 'copy.sqlite');
      expect((await ideamill(['backup', copy], { DATA_DIR: dataDir })).code).toBe(1);
      expect(fs.existsSync(copy)).toBe(false);
      // The failed start let go of the directory: once the file is restored, a server starts.
      fs.rmSync(file);
      const server = await startTestServer({}, dataDir);
      expect((await server.api('/healthz')).status).toBe(200);
      await server.close();
    },
  );

  it('a database with one damaged page stops the server, and its backup is refused, not written (QA)', async () => {
    const server = await startTestServer();
    await server.createBoard();
    await server.close();
    const file = databaseFile(server.dataDir);
    overwriteBoardsRoot(file);

    const start = startServer(
      loadConfig({ DATA_DIR: server.dataDir, PORT: '0', LOG_LEVEL: 'silent' }),
    );
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(`The database ${file} is damaged`);
    const copy = path.join(tempDataDir(), 'ideamill-Mon.sqlite.new');
    const backup = await ideamill(['backup', copy], { DATA_DIR: server.dataDir });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain(`the database ${file} is damaged, so no backup was written`);
    expect(fs.existsSync(copy)).toBe(false);
    // A whole database is still backed up.
    fs.rmSync(file);
    const whole = await startTestServer({}, server.dataDir);
    await whole.close();
    expect((await ideamill(['backup', copy], { DATA_DIR: server.dataDir })).code).toBe(0);
    expect(fs.existsSync(copy)).toBe(true);
  });

  it('a damage that orphans many pages is told in a few of quick_check’s findings, on one line (operator QA)', async () => {
    const server = await startTestServer();
    // Enough boards for the table to span pages under its root: overwriting the root orphans them.
    for (let n = 0; n < 400; n++) await server.createBoard();
    await server.close();
    const file = databaseFile(server.dataDir);
    overwriteBoardsRoot(file);
    const everyFinding = new Database(file, { readonly: true });
    const findings = String(everyFinding.pragma('quick_check', { simple: true })).split('\n');
    everyFinding.close();
    expect(findings.length).toBeGreaterThan(6);

    const backup = await ideamill(['backup', path.join(tempDataDir(), 'copy.sqlite')], {
      DATA_DIR: server.dataDir,
    });
    expect(backup.code).toBe(1);
    const message = backup.stderr.trim();
    expect(message).toContain(`the database ${file} is damaged, so no backup was written`);
    expect(message).toMatch(
      /quick_check: [^;]+; Page \d+: never used; Page \d+: never used; and \d+ more\)/,
    );
    expect(message.split('\n')).toHaveLength(1);
  });

  it('a DATA_DIR that is a file is named as such', async () => {
    const file = path.join(tempDataDir(), 'not-a-directory');
    fs.writeFileSync(file, 'x');
    await expect(
      startServer(loadConfig({ DATA_DIR: file, PORT: '0', LOG_LEVEL: 'silent' })),
    ).rejects.toThrow(`DATA_DIR ${file} is not a directory`);
  });

  it('a DATA_DIR where nothing can be made (under /proc) stops the start with a message, not a hang or a stack', async () => {
    // Node's own recursive mkdir never returned for /proc/…; /proc itself took no lock file.
    for (const [dataDir, named] of [
      ['/proc/ideamill-test/data', '/proc/ideamill-test/data'],
      ['/proc', `/proc/${LOCK_FILE}`],
    ]) {
      const start = startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
      await expect(start).rejects.toThrow(StartupError);
      await expect(start).rejects.toThrow(`Cannot write ${named} (ENOENT`);
    }
  });

  it('a database file that is a directory is named as such, not blamed on permissions (operator QA)', async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, 'ideamill.sqlite');
    fs.mkdirSync(file);
    const start = startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(
      `${file} is a directory, where the database file should be`,
    );
  });

  it('a lock file that cannot be opened stops the server with a message naming it, not a stack', async () => {
    const dataDir = tempDataDir();
    const lock = path.join(dataDir, LOCK_FILE);
    fs.mkdirSync(lock);
    const start = startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }));
    await expect(start).rejects.toThrow(StartupError);
    await expect(start).rejects.toThrow(`Cannot write ${lock}`);
    await expect(start).rejects.toThrow(`DATA_DIR is ${dataDir}`);
  });

  it("SQLite's extended codes (a directory this user cannot write) read as their primary one", () => {
    // What SQLite raises for a DATA_DIR owned by another user: found by the operator QA pass,
    // where the server printed a stack trace. (Root, which runs the tests, writes anywhere.)
    const error = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY_DIRECTORY',
    });
    const failure = openFailure(error, '/srv/ideamill');
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toContain(
      'DATA_DIR must be a directory this user can write',
    );
  });
});
