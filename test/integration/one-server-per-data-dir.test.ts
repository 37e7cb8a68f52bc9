/**
 * A server refuses to start where it could only do harm: on a data directory another server is
 * serving (each would fold its own copy of a board into the file and delete the other's stored
 * edits), or on an address it cannot listen on. Either way it says why, naming the variable.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config/config.ts';
import { startServer } from '../../server/start-server.ts';
import type { CreateBoardResponse } from '../../shared/api.ts';
import { type ChildServer, startChildServer } from '../helpers/child-server.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

const children: ChildServer[] = [];
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill('SIGKILL')));
});

async function child(env: Record<string, string>): Promise<ChildServer> {
  const started = await startChildServer(env);
  children.push(started);
  return started;
}

async function createBoard(url: string): Promise<CreateBoardResponse> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Locked in' }),
  });
  return (await response.json()) as CreateBoardResponse;
}

describe('one server per data directory', () => {
  it('a second server process on the same DATA_DIR is refused; the first keeps serving', async () => {
    const dataDir = tempDataDir();
    const first = await child({ DATA_DIR: dataDir });
    const failure = startChildServer({ DATA_DIR: dataDir });
    await expect(failure).rejects.toThrow(/server exited with 1/);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain(`Another Ideamill server is already serving DATA_DIR ${dataDir}`);
    expect(message).not.toMatch(/\n\s+at /); // words for the operator, not a stack trace
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect((await createBoard(first.url)).board.title).toBe('Locked in');
  });

  it('a server killed with SIGKILL leaves no lock behind: the next one starts', async () => {
    const dataDir = tempDataDir();
    const crashed = await child({ DATA_DIR: dataDir });
    const { board, keys } = await createBoard(crashed.url);
    await crashed.kill('SIGKILL');
    const next = await child({ DATA_DIR: dataDir });
    // The board is there: its key still lets a member join (an unknown board would be 404).
    const joined = await fetch(`${next.url}/api/boards/${board.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: keys.participant, name: 'Back' }),
    });
    expect(joined.status).toBe(200);
  });

  it('in one process too, until the first server has closed', async () => {
    const server = await startTestServer();
    await expect(startServer(loadConfig({ ...server.env, LOG_LEVEL: 'silent' }))).rejects.toThrow(
      /Another Ideamill server is already serving DATA_DIR/,
    );
    expect((await server.api('/healthz')).status).toBe(200);
    const restarted = await server.restart();
    expect((await restarted.api('/healthz')).status).toBe(200);
    await restarted.close();
  });
});

describe('an address the server cannot listen on', () => {
  it('is refused with a message naming PORT, and leaves the data directory free', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const dataDir = tempDataDir();
    try {
      const failure = startChildServer({ DATA_DIR: dataDir, PORT: String(port) });
      const message = await failure.then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(message).toContain(`Cannot listen on HOST 127.0.0.1, PORT ${port} (EADDRINUSE)`);
      expect(message).toContain('choose another PORT');
      expect(message).not.toMatch(/\n\s+at /);
      // In-process: the failed start released the lock and the database, so a server can
      // start on the same data directory at once.
      await expect(
        startServer(loadConfig({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent' })),
      ).rejects.toThrow(/EADDRINUSE/);
      const server = await startTestServer({}, dataDir);
      expect((await server.api('/healthz')).status).toBe(200);
      await server.close();
    } finally {
      taken.close();
    }
  });
});
