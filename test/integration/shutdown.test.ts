/** Stopping the server: it finishes even when a client never answers the closing handshake. */
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startChildServer } from '../helpers/child-server.ts';
import { sleep } from '../helpers/clients.ts';
import { startTestServer, tempDataDir } from '../helpers/server.ts';

/** The client's machine hangs: it reads nothing more, so it never answers a close frame. */
function stopReading(ws: unknown): void {
  (ws as { _socket: { pause(): void } })._socket.pause();
}

describe('shutting down', () => {
  it('clients that stop reading do not hold the shutdown for a WebSocket close timeout', async () => {
    const server = await startTestServer();
    const { board, tokens } = await server.boardWithMembers();
    const ws = new WebSocket(
      `${server.url.replace('http', 'ws')}/yjs/${board.board.id}?token=${tokens.participant}`,
    );
    await new Promise((resolve) => ws.once('open', resolve));
    const socket = io(server.url, {
      auth: { token: tokens.participant, boardId: board.board.id },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    stopReading(ws);
    stopReading((socket.io.engine.transport as unknown as { ws: unknown }).ws);
    const closed = server.close().then(() => 'closed');
    expect(await Promise.race([closed, sleep(10_000).then(() => 'still closing')])).toBe('closed');
    ws.terminate();
    socket.close();
  });

  it('npm start stops with its server: SIGTERM to npm reaches the server, which leaves nothing behind (operator QA)', async () => {
    // npm's shell ran the server as a child of its own and did not pass the signal on: the
    // server kept running, holding DATA_DIR's lock, and the next start was refused.
    const server = await startChildServer({ DATA_DIR: tempDataDir() }, ['npm', 'start']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.kill('SIGTERM');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 120_000);
});
