/** `ideamill export --all`: an organiser's team boards, every one of them, in one go (QA). */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/store/database.ts';
import { addItem } from '../../shared/board-document.ts';
import { ideamill } from '../helpers/cli.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

async function createBoard(title: string, env: Record<string, string>): Promise<string> {
  const created = await ideamill(['create-board', title, '--json'], env);
  expect(created.code).toBe(0);
  return (JSON.parse(created.stdout) as { board: { id: string } }).board.id;
}

/** The time of the export, the one line two exports of the same board differ in. */
const unstamped = (md: string) => md.replace(/^- Exported: .*$/m, '- Exported: …');

describe('ideamill export --all', () => {
  const dataDir = tempDataDir();
  const env = { DATA_DIR: dataDir };
  const ids = { first: '', second: '', retro: '' };

  beforeAll(async () => {
    ids.first = await createBoard('Kickoff', env);
    ids.second = await createBoard('Kickoff', env);
    ids.retro = await createBoard('Retro / Team B', env);
    // Something on the two boards of the same title, so that one's file is not the other's.
    const server = await startTestServer({}, dataDir);
    try {
      for (const [id, text] of [
        [ids.first, 'first team note'],
        [ids.second, 'second team note'],
      ] as const) {
        const keys = JSON.parse(
          (await ideamill(['new-link', id, 'facilitator', '--json'], env)).stdout,
        ) as { key: string };
        const { token } = await server.join(id, keys.key, 'Fia');
        const client = socketIoClient(server.url, id, token);
        await client.synced;
        addItem(client.doc, { type: 'note', x: 0, y: 0, text });
        const witness = socketIoClient(server.url, id, token);
        await waitFor(() => witness.doc.getMap('items').size === 1, 'the note relayed, so stored');
        witness.destroy();
        client.destroy();
      }
    } finally {
      await server.close();
    }
  });

  it('writes one file per board, named as its own export names it, holding what that export holds', async () => {
    const out = path.join(tempDataDir(), 'workshop', 'reports');
    for (const [format, options] of [
      ['md', ['--tz', 'UTC']],
      ['csv', ['--separator', 'semicolon']],
    ] as const) {
      const all = await ideamill(
        ['export', '--all', '--format', format, '--out', out, ...options],
        env,
      );
      expect(all.code).toBe(0);
      const [table, extension] = format === 'csv' ? ['-items', '.csv'] : ['', '.md'];
      const names = {
        first: `kickoff${table}-${ids.first}${extension}`,
        second: `kickoff${table}-${ids.second}${extension}`,
        retro: `retro-team-b${table}${extension}`,
      };
      for (const [board, id] of Object.entries(ids) as [keyof typeof ids, string][]) {
        const file = path.join(out, names[board]);
        const single = await ideamill(['export', id, '--format', format, ...options], env);
        expect(single.code).toBe(0);
        const written = fs.readFileSync(file, 'utf8');
        expect(format === 'md' ? unstamped(written) : written).toBe(
          format === 'md' ? unstamped(single.stdout) : single.stdout,
        );
        expect(all.stderr).toContain(`Wrote ${file} (`);
      }
      // The name no two boards share is the download's own.
      const named = await ideamill(
        ['export', ids.retro, '--format', format, '--out', path.join(out, '..', 'one')],
        env,
      );
      expect(named.stderr).toContain(`; ${names.retro})`);
      expect(fs.readFileSync(path.join(out, names.first), 'utf8')).toContain('first team note');
      expect(fs.readFileSync(path.join(out, names.second), 'utf8')).toContain('second team note');
      expect(all.stderr.trim().split('\n').at(-1)).toBe(`Wrote 3 files to ${out}`);
    }
    expect(fs.readdirSync(out)).toHaveLength(6);
    // Ten CLI processes, each starting Node and tsx: over 60 s on a loaded machine (CI at 7cc8ff3).
  }, 180_000);

  it("with --titled, only the boards whose title has those words in it (a day's team boards)", async () => {
    const out = path.join(tempDataDir(), 'kickoff');
    const picked = await ideamill(
      ['export', '--all', '--titled', 'KICKOFF', '--format', 'json', '--out', out],
      env,
    );
    expect(picked.code).toBe(0);
    const boardsIn = fs
      .readdirSync(out)
      .map(
        (file) =>
          (JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) as { board: { id: string } })
            .board.id,
      )
      .sort();
    expect(boardsIn).toEqual([ids.first, ids.second].sort());
    expect(picked.stderr.trim().split('\n').at(-1)).toBe(`Wrote 2 files to ${out}`);
    // Words no title has: said, and nothing written.
    const none = path.join(tempDataDir(), 'none');
    const missed = await ideamill(
      ['export', '--all', '--titled', 'Kickof f', '--format', 'md', '--out', none],
      env,
    );
    expect([missed.code, missed.stderr]).toEqual([
      1,
      `No board's title has "Kickof f" in it: nothing written to ${none}\n`,
    ]);
    const alone = await ideamill(['export', ids.retro, '--titled', 'Retro', '--format', 'md'], env);
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('give --all with it')]);
  });

  it('is wrong usage with a board, without --out or with --snapshot, and refuses a file for DIR', async () => {
    const out = path.join(tempDataDir(), 'reports');
    for (const [args, says] of [
      [[ids.retro, '--all', '--out', out], 'name no board'],
      [['--all'], '--all needs --out DIR'],
      [['--all', '--out', out, '--snapshot', 'x'], '--snapshot'],
      [[], 'or give --all'],
    ] as const) {
      const refused = await ideamill(['export', ...args, '--format', 'md'], env);
      expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining(says)]);
    }
    expect(fs.existsSync(out)).toBe(false);
    const file = path.join(tempDataDir(), 'reports.md');
    fs.writeFileSync(file, 'mine');
    const onFile = await ideamill(['export', '--all', '--format', 'md', '--out', file], env);
    expect([onFile.code, onFile.stderr]).toEqual([
      1,
      `ideamill export: ${file} is a file: --out with --all names the directory to write into\n`,
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  it('never overwrites a file, leaves out a deleted board, and carries on past a damaged one', async () => {
    const own = tempDataDir();
    const ownEnv = { DATA_DIR: own };
    const kept = await createBoard('Service blueprint', ownEnv);
    const damaged = await createBoard('Damaged', ownEnv);
    const erased = await createBoard('Erased on request', ownEnv);
    const written = await createBoard('Already written', ownEnv);
    // A backup from before the deletion puts the board back, to be deleted when a server starts.
    const backup = path.join(own, 'backup.sqlite');
    expect((await ideamill(['backup', backup], ownEnv)).code).toBe(0);
    expect((await ideamill(['delete-board', erased, '--yes'], ownEnv)).code).toBe(0);
    expect((await ideamill(['restore', backup], ownEnv)).code).toBe(0);
    const db = new Database(databaseFile(own));
    db.prepare('UPDATE document_states SET state = ? WHERE doc_id = ?').run(
      Buffer.from([0xff, 0xff, 0xff, 1, 2]),
      damaged,
    );
    db.close();
    const out = path.join(own, 'reports');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'already-written.md'), 'mine');

    const all = await ideamill(['export', '--all', '--format', 'md', '--out', out], ownEnv);
    expect(all.code).toBe(1);
    expect(fs.readFileSync(path.join(out, 'already-written.md'), 'utf8')).toBe('mine');
    expect(all.stderr).toContain(
      `Did not export "Already written" (${written}): ${path.join(out, 'already-written.md')} exists already`,
    );
    expect(all.stderr).toContain(`Did not export "Damaged" (${damaged}): `);
    // And why, as the server would log it: the message says the operator can see it there.
    const why = all.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(why).toEqual([
      expect.objectContaining({
        msg: 'document failed; reloading',
        documentId: damaged,
        err: expect.objectContaining({ message: expect.any(String) }),
      }),
    ]);
    expect(all.stderr).not.toContain(erased);
    expect(fs.readdirSync(out).sort()).toEqual(['already-written.md', 'service-blueprint.md']);
    expect(all.stderr).toContain(`${path.join(out, 'service-blueprint.md')} (`);
    expect(all.stderr).toContain(`"Service blueprint" (${kept})`);
    expect(all.stderr.trim().split('\n').at(-1)).toBe(
      `Wrote 1 file to ${out}; 2 boards not exported (see above)`,
    );
  });
});
