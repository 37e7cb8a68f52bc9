/**
 * The data directory holds names, e-mail addresses and everything written on every board: what
 * the server and the CLI create in it is its owner's only, whatever the umask (privacy QA: the
 * database and its backups were readable by every local user).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../shared/board-document.ts';
import { ideamill } from '../helpers/cli.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the data directory', () => {
  it('a new one, its database, -wal, -shm and lock, and a backup are readable by their owner only', async () => {
    const dataDir = path.join(tempDataDir(), 'new', 'data');
    const umask = process.umask(0o022);
    try {
      const server = await startTestServer({}, dataDir);
      const { board, tokens } = await server.boardWithMembers();
      const client = socketIoClient(server.url, board.board.id, tokens.facilitator);
      await client.synced;
      addItem(client.doc, { type: 'note', x: 0, y: 0, text: 'Aino: call back on Monday' });
      client.destroy();
      const backup = path.join(dataDir, '..', 'backup.sqlite');
      const cli = await ideamill(['backup', backup], { DATA_DIR: dataDir });
      expect(cli.code).toBe(0);
      const files = fs.readdirSync(dataDir).filter((name) => name.startsWith('ideamill.'));
      expect(files).toEqual(
        expect.arrayContaining([
          'ideamill.sqlite',
          'ideamill.sqlite-wal',
          'ideamill.sqlite-shm',
          'ideamill.lock',
        ]),
      );
      expect(mode(dataDir)).toBe(0o700);
      for (const name of files)
        expect([name, mode(path.join(dataDir, name))]).toEqual([name, 0o600]);
      expect(mode(backup)).toBe(0o600);
      await server.close();
    } finally {
      process.umask(umask);
    }
  });
});
