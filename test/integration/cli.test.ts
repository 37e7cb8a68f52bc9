import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import type { ListMembersResponse } from '../../shared/api.ts';
import { addItem } from '../../shared/board-document.ts';
import type { ErrorResponse } from '../../shared/errors.ts';
import type { BoardExport, FollowUp, Snapshot } from '../../shared/follow-through.ts';
import { BIN, ideamill, ROOT } from '../helpers/cli.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

describe('the ideamill command', () => {
  const dataDir = tempDataDir();
  const env = { DATA_DIR: dataDir, PUBLIC_URL: 'https://ideamill.example.org' };

  it('prints help and refuses unknown commands and options with exit code 2', async () => {
    const help = await ideamill(['--help'], env);
    expect(help.code).toBe(0);
    for (const command of [
      'serve',
      'create-board',
      'new-link',
      'list-boards',
      'export',
      'backup',
      'restore',
      'compact',
      'delete-board',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const exportHelp = (await ideamill(['export', '--help'], env)).stdout;
    expect(exportHelp).toContain('--format');
    expect(exportHelp).toMatch(/--tz ZONE[\s\S]*by default this process's own \(TZ/);
    expect((await ideamill(['frobnicate'], env)).code).toBe(2);
    const badOption = await ideamill(['list-boards', '--colour'], env);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--colour');
    // Not Node's advice on arguments that start with "-" (operator QA: `--title` for TITLE).
    expect(badOption.stderr).not.toContain("place it at the end of the command after '--'");
    const titleOption = await ideamill(['create-board', '--title', 'Team day'], env);
    expect([titleOption.code, titleOption.stderr.split('\n')[0]]).toEqual([
      2,
      'ideamill create-board: unknown option --title: give the title as it is, without --title',
    ]);
    const badValue = await ideamill(['create-board', 'X', '--template', 'kanban'], env);
    expect([badValue.code, badValue.stderr.includes('customer-journey')]).toEqual([2, true]);
    // An argument a command does not take is wrong usage, not ignored (operator QA: `serve
    // extra` started a server on every address).
    for (const args of [
      ['serve', 'extra'],
      ['list-boards', 'a'],
      ['backup', 'a', 'b'],
    ]) {
      const extra = await ideamill(args, env);
      expect([extra.code, extra.stderr]).toEqual([
        2,
        expect.stringContaining('unexpected argument'),
      ]);
    }
    const badEnv = await ideamill(['list-boards'], { ...env, PORT: 'eighty' });
    expect([badEnv.code, badEnv.stderr.includes('PORT')]).toEqual([2, true]);
  });

  it('stops quietly when its reader stops reading (ideamill --help | head -0)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, '--help'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('refuses a title the API would refuse, and a DATA_DIR that holds no database', async () => {
    const long = await ideamill(['create-board', 'x'.repeat(201)], env);
    expect([long.code, long.stderr]).toEqual([2, expect.stringContaining('200')]);
    const typo = { ...env, DATA_DIR: path.join(dataDir, 'dat') };
    for (const args of [['list-boards'], ['backup', path.join(dataDir, 'copy.sqlite')]]) {
      const refused = await ideamill(args, typo);
      expect([refused.code, refused.stderr]).toEqual([
        1,
        expect.stringContaining('check DATA_DIR'),
      ]);
    }
    expect(fs.existsSync(typo.DATA_DIR)).toBe(false);
  });

  it("leaves an older Ideamill's database as it is beside its server, and backs it up as it is (QA, upgrades)", async () => {
    const older = tempDataDir();
    const file = path.join(older, 'ideamill.sqlite');
    const version = MIGRATIONS.length - 2;
    const made = new Database(file);
    made.pragma('journal_mode = WAL');
    for (const migration of MIGRATIONS.slice(0, version)) made.exec(migration);
    made.pragma(`user_version = ${version}`);
    made.close();
    const versionOf = (database: string) => {
      const db = new Database(database, { readonly: true });
      try {
        return db.pragma('user_version', { simple: true });
      } finally {
        db.close();
      }
    };
    const olderEnv = { ...env, DATA_DIR: older };
    for (const args of [
      ['list-boards'],
      ['export', '0190e3a0-0000-7000-8000-000000000000', '--format', 'json'],
      ['new-link', '0190e3a0-0000-7000-8000-000000000000', 'viewer'],
      ['compact'],
      // It may start a database, not upgrade one (operator QA: it did).
      ['create-board', 'Another board'],
    ]) {
      const refused = await ideamill(args, olderEnv);
      expect([refused.code, refused.stderr]).toEqual([
        1,
        expect.stringContaining(`schema version ${version}, older than this Ideamill's`),
      ]);
    }
    expect(versionOf(file)).toBe(version);
    // The backup before an upgrade is the database before it.
    const copy = path.join(older, 'before-upgrade.sqlite');
    expect((await ideamill(['backup', copy], olderEnv)).code).toBe(0);
    expect([versionOf(copy), versionOf(file)]).toEqual([version, version]);
    // This version's server upgrades it as it starts.
    const server = await startTestServer({}, older);
    await server.close();
    expect(versionOf(file)).toBe(MIGRATIONS.length);
    // And an older Ideamill is told, in words, that a newer one has upgraded it.
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const refused = await ideamill(['list-boards'], olderEnv);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringContaining('put the backup taken before the upgrade in its place'),
    ]);
  });

  it('restores a backup with the server stopped, setting aside the database and the -wal it replaces (QA, upgrades)', async () => {
    const own = tempDataDir();
    const ownEnv = { ...env, DATA_DIR: own };
    const notes = async (
      server: Awaited<ReturnType<typeof startTestServer>>,
      id: string,
      token: string,
    ) => {
      const client = socketIoClient(server.url, id, token);
      await client.synced;
      const texts = [...client.doc.getMap('items').values()].map((item) =>
        String((item as { get(key: string): unknown }).get('text')),
      );
      client.destroy();
      return texts.sort();
    };
    let server = await startTestServer({}, own);
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = socketIoClient(server.url, id, tokens.facilitator);
    await writer.synced;
    addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'before the backup' });
    await expect.poll(() => notes(server, id, tokens.viewer)).toContain('before the backup');
    const copy = path.join(own, 'backup.sqlite');
    expect((await ideamill(['backup', copy], ownEnv)).code).toBe(0);
    addItem(writer.doc, { type: 'note', x: 300, y: 0, text: 'after the backup' });
    await expect.poll(() => notes(server, id, tokens.viewer)).toContain('after the backup');
    writer.destroy();

    // Not while the server serves: it holds the data directory.
    const busy = await ideamill(['restore', copy], ownEnv);
    expect([busy.code, busy.stderr]).toEqual([
      1,
      expect.stringContaining('works with the server stopped'),
    ]);
    await server.close();
    // A -wal left beside the database (a crash): replayed into the restored copy, it damaged it.
    const file = path.join(own, 'ideamill.sqlite');
    fs.writeFileSync(`${file}-wal`, 'left by a crash');
    const restored = await ideamill(['restore', copy], ownEnv);
    expect([restored.code, restored.stdout]).toEqual([0, expect.stringContaining('Restored')]);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // Its owner's only, as a new database is (privacy QA).
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const kept = fs.readdirSync(own).filter((name) => name.startsWith('ideamill.sqlite.replaced-'));
    expect(kept.some((name) => name.endsWith('-wal'))).toBe(true);
    server = await startTestServer({}, own);
    try {
      expect(await notes(server, id, tokens.viewer)).toEqual(['before the backup']);
      expect(server.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await server.close();
    }
    // What is not a whole database is refused before anything moves.
    const junk = path.join(own, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database');
    const refused = await ideamill(['restore', junk], ownEnv);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringContaining('not a whole Ideamill database'),
    ]);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a restore does not bring back a board deleted after the backup, unless told to keep it (privacy QA)', async () => {
    const own = tempDataDir();
    const ownEnv = { ...env, DATA_DIR: own };
    let server = await startTestServer({}, own);
    const erased = await server.createBoard({ title: 'Erased on request' });
    const kept = await server.createBoard({ title: 'Weekly network' });
    const fia = await server.join(erased.board.id, erased.keys.facilitator, 'Fia');
    const copy = path.join(own, 'backup.sqlite');
    expect((await ideamill(['backup', copy], ownEnv)).code).toBe(0);
    const deletion = await server.api(`/api/boards/${erased.board.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(deletion.status).toBe(204);
    await server.close();

    const restored = await ideamill(['restore', copy], ownEnv);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('deletes them again when it starts');
    expect(restored.stdout).toContain(`${erased.board.id}  Erased on request`);
    expect(restored.stdout).not.toContain(kept.board.id);
    server = await startTestServer({}, own);
    // Its old links and tokens open nothing; the other board is as it was.
    expect((await server.api(`/api/boards/${erased.board.id}`, { token: fia.token })).status).toBe(
      410,
    );
    const join = await server.api(`/api/boards/${erased.board.id}/join`, {
      body: { key: erased.keys.participant, name: 'Aino' },
    });
    expect(join.status).toBe(410);
    expect((await server.join(kept.board.id, kept.keys.participant, 'Aino')).token).toBeTruthy();
    await server.close();
    const listed = (await ideamill(['list-boards'], ownEnv)).stdout;
    expect([listed.includes('Weekly network'), listed.includes('Erased on request')]).toEqual([
      true,
      false,
    ]);

    // Deleted by mistake: the operator keeps it, by name, and it stays.
    const unknown = await ideamill(['restore', copy, '--undelete', 'no-such-board'], ownEnv);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('no-such-board')]);
    const back = await ideamill(['restore', copy, '--undelete', erased.board.id], ownEnv);
    expect(back.code).toBe(0);
    expect(back.stdout).not.toContain('deletes them again');
    server = await startTestServer({}, own);
    try {
      expect(
        (await server.join(erased.board.id, erased.keys.participant, 'Aino')).token,
      ).toBeTruthy();
    } finally {
      await server.close();
    }
  });

  it('a restore does not bring back a member taken off, an erased name or a deleted version either (privacy QA)', async () => {
    const own = tempDataDir();
    const ownEnv = { ...env, DATA_DIR: own };
    let server = await startTestServer({}, own);
    const created = await server.createBoard({ title: 'Weekly network' });
    const id = created.board.id;
    const fia = await server.join(id, created.keys.facilitator, 'Fia');
    const aino = await server.join(id, created.keys.participant, 'Aino Virtanen');
    const troll = await server.join(id, created.keys.participant, 'Troll');
    const writer = socketIoClient(server.url, id, fia.token);
    await writer.synced;
    const noteId = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'Shorter queues' });
    await waitFor(() => server.documents.open({ boardId: id }).doc.getMap('items').has(noteId));
    writer.destroy();
    const typedOwner = await server.api<FollowUp>(`/api/boards/${id}/followups`, {
      body: {
        itemId: noteId,
        title: 'Pilot it',
        owner: { name: 'Aino Virtanen', email: 'aino@kunta.example' },
      },
      token: fia.token,
    });
    expect(typedOwner.status).toBe(201);
    const version = await server.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      body: { name: 'With what should not be kept' },
      token: fia.token,
    });
    expect(version.status).toBe(201);
    const copy = path.join(own, 'backup.sqlite');
    expect((await ideamill(['backup', copy], ownEnv)).code).toBe(0);
    // After the backup: Troll taken off, Aino's name erased at her request, the version deleted.
    expect(await server.takeOff(id, fia.token, 'Troll')).toBe(204);
    const erased = await server.api(`/api/boards/${id}/members/${aino.member.id}`, {
      method: 'DELETE',
      body: { erase: true },
      token: fia.token,
    });
    expect(erased.status).toBe(204);
    const deleted = await server.api(`/api/boards/${id}/snapshots/${version.body.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(deleted.status).toBe(204);
    await server.close();

    const restored = await ideamill(['restore', copy], ownEnv);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('1 version(s) deleted after the backup was taken');
    expect(restored.stdout).toContain(
      '2 member(s) taken off the board after the backup was taken (1 with the name erased)',
    );
    // The version is gone from the restored file itself; the names until the server starts.
    const file = new Database(path.join(own, 'ideamill.sqlite'), { readonly: true });
    expect(
      file.prepare('SELECT count(*) AS n FROM snapshots WHERE id = ?').get(version.body.id),
    ).toEqual({ n: 0 });
    file.close();
    // Nor do its words linger in the file's free space (operator QA: they did).
    const bytes = fs.readFileSync(path.join(own, 'ideamill.sqlite')).toString('latin1');
    expect(bytes).not.toContain('With what should not be kept');

    for (let start = 0; start < 2; start++) {
      // Twice: the second start finds nothing more to do, and undoes nothing.
      server = await startTestServer({}, own);
      try {
        const refused = await server.api<ErrorResponse>(`/api/boards/${id}`, {
          token: troll.token,
        });
        expect([refused.status, refused.body.error.code]).toEqual([401, 'member_removed']);
        const takenOff = await server.api<ListMembersResponse>(
          `/api/boards/${id}/members?removed=true`,
          {
            token: fia.token,
          },
        );
        expect(takenOff.body.members.map((member) => member.name)).toEqual([
          '(name erased)',
          'Troll',
        ]);
        const followUps = await server.api<{ followUps: FollowUp[] }>(
          `/api/boards/${id}/followups`,
          {
            token: fia.token,
          },
        );
        expect(followUps.body.followUps.map((followUp) => followUp.owner)).toEqual([
          { name: '(name erased)' },
        ]);
        const versions = await server.api<{ snapshots: Snapshot[] }>(
          `/api/boards/${id}/snapshots`,
          {
            token: fia.token,
          },
        );
        expect(versions.body.snapshots.map((snapshot) => snapshot.id)).not.toContain(
          version.body.id,
        );
        const json = await server.api<string>(`/api/boards/${id}/export?format=json`, {
          token: fia.token,
        });
        expect(JSON.stringify(json.body)).not.toContain('Aino');
      } finally {
        await server.close();
      }
    }
  });

  it('deletes a board with --yes and the server stopped, saying first what would go', async () => {
    const own = tempDataDir();
    const ownEnv = { ...env, DATA_DIR: own };
    let server = await startTestServer({}, own);
    const doomed = await server.boardWithMembers();
    const kept = await server.boardWithMembers();
    const id = doomed.board.board.id;
    const snapshot = await server.api(`/api/boards/${id}/snapshots`, {
      body: { name: 'Before' },
      token: doomed.tokens.facilitator,
    });
    expect(snapshot.status).toBe(201);
    // Not beside the server: it may hold the board in memory.
    const busy = await ideamill(['delete-board', id, '--yes'], ownEnv);
    expect([busy.code, busy.stderr]).toEqual([
      1,
      expect.stringContaining('works with the server stopped'),
    ]);
    await server.close();

    const asked = await ideamill(['delete-board', id], ownEnv);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain(
      `Would delete "Workshop" (${id}): 3 members, 0 voting rounds, 0 follow-ups, 1 saved version.`,
    );
    expect(asked.stdout).toContain('--yes');
    const deleted = await ideamill(['delete-board', id, '--yes'], ownEnv);
    expect([deleted.code, deleted.stdout]).toEqual([
      0,
      expect.stringContaining('Deleted "Workshop"'),
    ]);
    const unknown = await ideamill(['delete-board', id, '--yes'], ownEnv);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      expect.stringContaining('This board has been deleted'),
    ]);
    expect((await ideamill(['delete-board'], ownEnv)).code).toBe(2);

    server = await startTestServer({}, own);
    try {
      const gone = await server.api(`/api/boards/${id}`, { token: doomed.tokens.viewer });
      expect(gone.status).toBe(410);
      const stays = await server.api(`/api/boards/${kept.board.board.id}`, {
        token: kept.tokens.viewer,
      });
      expect(stays.status).toBe(200);
      expect(server.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('creates a board for each team with --count, titled with its number', async () => {
    const json = await ideamill(
      ['create-board', 'Kehittämispäivä', '--language', 'fi', '--count', '3', '--json'],
      env,
    );
    expect(json.code).toBe(0);
    const made = JSON.parse(json.stdout) as { board: { id: string; title: string } }[];
    expect(made.map(({ board }) => board.title)).toEqual([
      'Kehittämispäivä · Tiimi 1',
      'Kehittämispäivä · Tiimi 2',
      'Kehittämispäivä · Tiimi 3',
    ]);
    expect(new Set(made.map(({ board }) => board.id)).size).toBe(3);
    const text = await ideamill(['create-board', 'Service day', '-n', '2'], env);
    expect(text.stdout.match(/^Created "Service day · Team \d"/gm)).toEqual([
      'Created "Service day · Team 1"',
      'Created "Service day · Team 2"',
    ]);
    expect(text.stdout.match(/^participant +https:/gm)).toHaveLength(2);
    for (const bad of ['0', '31', '2.5', 'two']) {
      const refused = await ideamill(['create-board', 'X', '--count', bad], env);
      expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('--count')]);
    }
  });

  it('creates a board, lists it, and the printed links open it', async () => {
    const created = await ideamill(
      [
        'create-board',
        'Muutoslähettiläät',
        '--template',
        'idea-mill',
        '--language',
        'fi',
        '--json',
      ],
      env,
    );
    expect(created.code).toBe(0);
    const board = JSON.parse(created.stdout) as {
      board: { id: string; title: string };
      keys: Record<'facilitator' | 'participant' | 'viewer', string>;
      links: Record<string, string>;
    };
    expect(board.links.participant).toBe(
      `https://ideamill.example.org/b/${board.board.id}#key=${board.keys.participant}`,
    );
    const listed = await ideamill(['list-boards'], env);
    expect(listed.stdout).toContain(board.board.id);
    // When it was made, in UTC and saying so.
    expect(listed.stdout).toMatch(
      new RegExp(`${board.board.id}  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ `),
    );
    expect(listed.stdout).toContain('Muutoslähettiläät');
    // The server on the same data directory accepts the printed key.
    const server = await startTestServer({}, dataDir);
    try {
      const joined = await server.join(board.board.id, board.keys.facilitator, 'Fia');
      expect(joined.member.role).toBe('facilitator');
      // When it was last active: the join, after it was made (an operator's retention guide).
      const rows = JSON.parse((await ideamill(['list-boards', '--json'], env)).stdout) as {
        id: string;
        createdAt: string;
        activeAt: string;
      }[];
      const row = rows.find((listedRow) => listedRow.id === board.board.id)!;
      expect(Date.parse(row.activeAt)).toBeGreaterThan(Date.parse(row.createdAt));
      expect((await ideamill(['list-boards'], env)).stdout).toContain(
        `${board.board.id}  ${row.createdAt.slice(0, 16)}Z  ${row.activeAt.slice(0, 16)}Z `,
      );

      // A lost facilitator link: the operator makes a new one while the server serves.
      const made = await ideamill(['new-link', board.board.id, 'facilitator', '--json'], env);
      expect(made.code).toBe(0);
      const fresh = JSON.parse(made.stdout) as { role: string; key: string; link: string };
      expect(fresh.link).toBe(`https://ideamill.example.org/b/${board.board.id}#key=${fresh.key}`);
      expect((await server.join(board.board.id, fresh.key, 'Fiona')).member.role).toBe(
        'facilitator',
      );
      const old = await server.api(`/api/boards/${board.board.id}/join`, {
        body: { key: board.keys.facilitator, name: 'Someone' },
      });
      expect(old.status).toBe(401);
      // Fia, who joined with the old link, is still the facilitator.
      expect(
        (await server.api(`/api/boards/${board.board.id}`, { token: joined.token })).status,
      ).toBe(200);
      const plain = await ideamill(['new-link', board.board.id, 'viewer'], env);
      expect(plain.stdout).toMatch(/^New viewer link .*\n\nhttps:\/\/ideamill\.example\.org\/b\//);
      for (const [args, code, says] of [
        [['new-link', board.board.id, 'admin'], 2, 'facilitator, participant, viewer'],
        [['new-link', board.board.id], 2, 'facilitator, participant, viewer'],
        [['new-link', '0190e3a0-0000-7000-8000-000000000000', 'viewer'], 1, 'no board'],
      ] as const) {
        const refused = await ideamill([...args], env);
        expect([refused.code, refused.stderr]).toEqual([code, expect.stringContaining(says)]);
      }
    } finally {
      await server.close();
    }
  });

  // A dozen runs of the CLI, each a new Node process: over a minute on a busy 2-core machine.
  it('exports, backs up and compacts while a server is serving the same file', async () => {
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: '1000000' }, dataDir);
    try {
      const { board, tokens } = await server.boardWithMembers();
      const id = board.board.id;
      const client = socketIoClient(server.url, id, tokens.facilitator);
      await client.synced;
      for (let i = 0; i < 30; i++) {
        addItem(client.doc, {
          type: 'note',
          x: i,
          y: 0,
          text: `cli note ${i}`,
        });
      }
      // Relayed means stored: once another client has all 30, so does the log.
      const witness = socketIoClient(server.url, id, tokens.viewer);
      await waitFor(() => witness.doc.getMap('items').size === 30, 'all 30 notes relayed');
      witness.destroy();

      const out = path.join(dataDir, 'export.json');
      const nowhere = path.join(dataDir, 'no-such-dir', 'export.json');
      const missing = await ideamill(['export', id, '--format', 'json', '--out', nowhere], env);
      expect([missing.code, missing.stderr.trim()]).toEqual([
        1,
        `ideamill export: cannot write ${nowhere}: its directory does not exist`,
      ]);
      const exported = await ideamill(['export', id, '--format', 'json', '--out', out], env);
      expect(exported.code).toBe(0);
      const model = JSON.parse(fs.readFileSync(out, 'utf8')) as BoardExport;
      expect(model.items.filter((item) => item.type === 'note')).toHaveLength(30);
      const stdout = await ideamill(['export', id, '--format', 'md'], env);
      expect(stdout.stdout).toContain('cli note 29');
      const csv = await ideamill(
        ['export', id, '--format', 'csv', '--separator', 'semicolon'],
        env,
      );
      expect(csv.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid;type;frame;text;/);
      expect(
        (await ideamill(['export', id, '--format', 'csv', '--separator', 'tab'], env)).code,
      ).toBe(2);
      // Times on the operator's clock (TZ) unless --tz says another; commas or semicolons as
      // the locale writes numbers (LC_ALL, LC_NUMERIC, LANG), as the web page does, unless
      // --separator says.
      const helsinki = { ...env, TZ: 'Europe/Helsinki', LC_ALL: 'fi_FI.UTF-8' };
      const local = await ideamill(['export', id, '--format', 'md'], helsinki);
      expect(local.stdout).toMatch(/- Exported: \S+ \S+ \(UTC\+0[23]:00\)\n/);
      const utc = await ideamill(['export', id, '--format', 'agenda', '--tz', 'UTC'], helsinki);
      expect(utc.stdout).toMatch(/- Prepared from the board: \S+ \S+ UTC\n/);
      const noZone = await ideamill(['export', id, '--format', 'md', '--tz', 'Europe/Espoo'], env);
      expect([noZone.code, noZone.stderr]).toEqual([2, expect.stringContaining('--tz')]);
      const finnish = await ideamill(['export', id, '--format', 'csv'], helsinki);
      expect(finnish.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid;type;frame;text;/);
      const asked = await ideamill(
        ['export', id, '--format', 'csv', '--separator', 'comma'],
        helsinki,
      );
      expect(asked.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid,type,frame,text,/);
      const english = await ideamill(['export', id, '--format', 'csv'], {
        ...env,
        LC_ALL: 'en_US.UTF-8',
      });
      expect(english.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid,type,frame,text,/);
      // As POSIX picks the numbers' locale: an empty LC_ALL is unset, LC_MESSAGES is not asked.
      const finnishLang = await ideamill(['export', id, '--format', 'csv'], {
        ...env,
        LC_ALL: '',
        LC_NUMERIC: '',
        LANG: 'fi_FI.UTF-8',
        LC_MESSAGES: 'en_US.UTF-8',
      });
      expect(finnishLang.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid;type;frame;text;/);
      const numbersEnglish = await ideamill(['export', id, '--format', 'csv'], {
        ...env,
        LC_ALL: '',
        LC_NUMERIC: 'C.UTF-8',
        LANG: 'fi_FI.UTF-8',
      });
      expect(numbersEnglish.stdout.split('\r\n')[0]).toMatch(/^\uFEFFid,type,frame,text,/);

      const backupFile = path.join(dataDir, 'backup.sqlite');
      expect((await ideamill(['backup', backupFile], env)).code).toBe(0);
      // One file, nothing beside it that the nightly rename would leave behind (operator QA).
      expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('backup.sqlite'))).toEqual([
        'backup.sqlite',
      ]);
      const copy = new Database(backupFile, { readonly: true });
      expect(copy.prepare('SELECT title FROM boards WHERE id = ?').get(id)).toEqual({
        title: 'Workshop',
      });
      copy.close();
      // A failure, not wrong usage: exit code 1 and no usage text; a missing folder in words.
      const again = await ideamill(['backup', backupFile], env);
      expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('exists already')]);
      expect(again.stderr).not.toContain('Usage');
      const noFolder = await ideamill(['backup', path.join(dataDir, 'no', 'x.sqlite')], env);
      expect([noFolder.code, noFolder.stderr]).toEqual([
        1,
        expect.stringContaining(`there is no directory ${path.join(dataDir, 'no')}`),
      ]);

      const logged = () =>
        (
          server.db
            .prepare('SELECT count(*) AS n FROM document_updates WHERE doc_id = ?')
            .get(id) as { n: number }
        ).n;
      // Notes after the server read the board into memory (which folded the log once).
      for (let i = 0; i < 10; i++) addItem(client.doc, { type: 'note', x: i, y: 5, text: 'late' });
      const late = socketIoClient(server.url, id, tokens.viewer);
      await waitFor(() => late.doc.getMap('items').size === 40, 'late notes relayed, so stored');
      late.destroy();
      const before = logged();
      const compacted = await ideamill(['compact', id], env);
      expect(compacted.code).toBe(0);
      // It says how many it folded (operator QA: it said 0 every time).
      expect(compacted.stdout).toContain(`${id}  ${before} log updates folded`);
      expect(logged()).toBe(0);
      // The serving board is untouched and still takes edits.
      addItem(client.doc, { type: 'note', x: 0, y: 9, text: 'after compact' });
      const reader = socketIoClient(server.url, id, tokens.viewer);
      await waitFor(() => reader.doc.getMap('items').size === 41, 'all notes');
      reader.destroy();
      client.destroy();
      expect(
        (await ideamill(['export', '01890000-0000-7000-8000-000000000000', '--format', 'md'], env))
          .code,
      ).toBe(1);
    } finally {
      await server.close();
    }
  }, 180_000);
});
