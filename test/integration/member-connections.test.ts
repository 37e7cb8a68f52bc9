/**
 * One member's connections, over both transports together, are bounded: a person's few tabs
 * connect, a script opening hundreds on one token does not (security QA: 800 took 157 MB).
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CONNECTIONS_PER_MEMBER } from '../../server/realtime/member-connections.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A y-websocket connection: open, or the code and reason it was closed with. */
function yws(boardId: string, token: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${boardId}?token=${token}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  return { ws, closed, opened };
}

function sio(boardId: string, token: string): Promise<Socket | ErrorBody> {
  const socket = io(server.url, {
    auth: { boardId, token },
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('board:welcome', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: ErrorBody }) => {
      socket.close();
      resolve(error.data ?? { code: 'internal_error', message: error.message });
    });
  });
}

it('a member holds a bounded number of connections over both transports; closing one frees its place', async () => {
  const { board, tokens } = await server.boardWithMembers();
  const id = board.board.id;
  const half = MAX_CONNECTIONS_PER_MEMBER / 2;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < half; i++) {
    const connection = yws(id, tokens.viewer);
    await connection.opened;
    sockets.push(connection.ws);
  }
  const sioSockets: Socket[] = [];
  for (let i = 0; i < half; i++) {
    const socket = await sio(id, tokens.viewer);
    if (!('connected' in socket)) throw new Error(`refused too early: ${socket.code}`);
    sioSockets.push(socket);
  }
  // One more, on either transport, is refused before any document data.
  const refused = yws(id, tokens.viewer);
  expect(await refused.closed).toEqual({ code: 4429, reason: 'rate_limited' });
  expect(await sio(id, tokens.viewer)).toMatchObject({ code: 'rate_limited' });
  // Another member of the board is not held back by it.
  const other = yws(id, tokens.participant);
  await other.opened;
  other.ws.close();

  // A tab closed: its place is free again.
  const last = sockets.pop();
  last?.close();
  await new Promise((resolve) => last?.once('close', resolve));
  await expect
    .poll(async () => {
      const again = yws(id, tokens.viewer);
      const outcome = await Promise.race([
        again.opened.then(() => 'open'),
        again.closed.then(({ reason }) => reason),
      ]);
      if (outcome === 'open') sockets.push(again.ws);
      return outcome;
    })
    .toBe('open');
  for (const ws of sockets) ws.close();
  for (const socket of sioSockets) socket.close();
});
