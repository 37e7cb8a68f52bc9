/**
 * The server's log tells an operator who asked for what and who connected, with the error code
 * of each refusal, and never carries a token or a key (observability/request-log.ts,
 * realtime/connection-log.ts).
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { socketIoRefusal, yWebsocketRefusal } from '../helpers/listening.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * Closes a client's socket once it is open. The server logs "connected" as it takes the upgrade,
 * which under load can come before the client's own open event; closing a socket still
 * connecting is an error event nobody listens to (CI: an uncaught exception, exit 1).
 */
async function closeOpened(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CONNECTING) {
    await new Promise((resolve) => ws.once('open', resolve));
  }
  ws.close();
}

interface Line {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const INFO = 30;
const DEBUG = 20;

/** A server whose log lines are kept, and what finds them. */
async function loggedServer(env: Record<string, string> = {}) {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const server = await startTestServer(env, undefined, undefined, pino({ level: 'debug' }, sink));
  const lines = () => raw.map((line) => JSON.parse(line) as Line);
  const find = (msg: string, fields: Record<string, unknown>) =>
    lines().filter(
      (line) =>
        line.msg === msg && Object.entries(fields).every(([key, value]) => line[key] === value),
    );
  return { server, raw, find };
}

let server: TestServer;
let raw: string[];
let find: (msg: string, fields: Record<string, unknown>) => Line[];

beforeAll(async () => {
  ({ server, raw, find } = await loggedServer());
});
afterAll(() => server.close());

describe('the request log', () => {
  it('logs each API call with its status and error code, the path without its query', async () => {
    const board = await server.createBoard();
    const id = board.board.id;
    const bad = await server.api(`/api/boards/${id}/join?token=query-secret`, {
      body: { key: 'not-the-key', name: 'Aino' },
    });
    expect(bad.status).toBe(401);
    await waitFor(() => find('request', { path: `/api/boards/${id}/join` }).length > 0, 'line');

    const [refused] = find('request', { path: `/api/boards/${id}/join` });
    expect(refused).toMatchObject({
      level: INFO,
      method: 'POST',
      status: 401,
      code: 'invalid_key',
    });
    expect(refused?.ip).toBe('127.0.0.1');
    expect(typeof refused?.ms).toBe('number');
    expect(find('request', { method: 'POST', path: '/api/boards', status: 201 })).toHaveLength(1);
    expect(raw.join('\n')).not.toContain('query-secret');
    // The keys of the new board went out in an answer, never into the log.
    for (const key of Object.values(board.keys)) expect(raw.join('\n')).not.toContain(key);
  });

  it('keeps a key out of the log where it came in the path: an escaped "#", or a segment (QA)', async () => {
    const board = await server.createBoard();
    const id = board.board.id;
    const key = board.keys.facilitator;
    expect((await fetch(`${server.url}/b/${id}%23key=${key}`)).status).toBe(200);
    expect((await fetch(`${server.url}/b/${id}/${key}`)).status).toBe(404);
    await waitFor(() => find('request', { path: `/b/${id}/…` }).length > 0, 'segment line');
    expect(find('request', { path: `/b/${id}` })).toHaveLength(1);
    // Nor an operator's token (16 characters at the least) pasted where the board id goes.
    expect((await fetch(`${server.url}/api/boards/adminadminadminadmin/state`)).status).toBe(404);
    await waitFor(() => find('request', { path: '/api/boards/…/state' }).length > 0, 'token line');
    expect(raw.join('\n')).not.toContain('adminadminadminadmin');
    // A token sent where the board id goes is not written down either.
    const aino = await server.join(id, board.keys.participant, 'Aino');
    expect((await socketIoRefusal(server.url, aino.token, id))?.code).toBe('board_not_found');
    expect((await yWebsocketRefusal(server.url, aino.token, id))[1]).toBe('board_not_found');
    await waitFor(() => find('connection refused', { boardId: 'not a board id' }).length === 2);
    expect(raw.join('\n')).not.toContain(key);
    expect(raw.join('\n')).not.toContain(aino.token);

    // A long-polling request for a session the server does not know (a balancer without sticky
    // sessions sends one to the wrong server) is refused by engine.io, and logged.
    const unknown = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=nope`);
    expect(unknown.status).toBe(400);
    await waitFor(
      () =>
        find('connection refused', { transport: 'socketio', reason: 'Session ID unknown' })
          .length === 1,
      'engine.io refusal',
    );
  });

  it('logs health checks and unknown static files at debug, board pages at info', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/b/some-board`)).status).toBe(200);
    await waitFor(() => find('request', { path: '/b/some-board' }).length > 0, 'page line');
    expect(find('request', { path: '/healthz' })[0]).toMatchObject({ level: DEBUG, status: 200 });
    expect(find('request', { path: '/b/some-board' })[0]).toMatchObject({ level: INFO });
  });
});

describe('the connection log', () => {
  it('logs who connected over y-websocket and Socket.io, and when and why they left', async () => {
    const board = await server.createBoard();
    const id = board.board.id;
    const aino = await server.join(id, board.keys.participant, 'Aino');
    const memberId = aino.member.id;

    const stock = yWebsocketClient(server.url, id, aino.token);
    const ours = socketIoClient(server.url, id, aino.token);
    await Promise.all([stock.synced, ours.synced]);
    const connected = (transport: string) =>
      find('connected', { transport, boardId: id, memberId, role: 'participant' });
    await waitFor(() => connected('ywebsocket').length + connected('socketio').length === 2);

    stock.destroy();
    ours.destroy();
    const left = (transport: string) => find('disconnected', { transport, memberId });
    await waitFor(() => left('ywebsocket').length + left('socketio').length === 2, 'left');
    expect(left('socketio')[0]).toMatchObject({ reason: 'client namespace disconnect' });
    expect(connected('socketio')[0]).toMatchObject({ via: 'websocket' });
    expect(typeof left('ywebsocket')[0]?.reason).toBe('number');
    expect(left('ywebsocket')[0]?.seconds).toBeGreaterThanOrEqual(0);
    expect(raw.join('\n')).not.toContain(aino.token);
  });

  it('logs each refusal with its code, and a member taken off with the code it was closed for', async () => {
    const board = await server.createBoard();
    const id = board.board.id;
    const fia = await server.join(id, board.keys.facilitator, 'Fia');
    const bo = await server.join(id, board.keys.viewer, 'Bo');
    expect((await yWebsocketRefusal(server.url, id, 'wrong-token'))[1]).toBe('invalid_token');
    expect((await socketIoRefusal(server.url, id, 'wrong-token'))?.code).toBe('invalid_token');
    for (const transport of ['ywebsocket', 'socketio']) {
      expect(find('connection refused', { transport, boardId: id, code: 'invalid_token' })).toEqual(
        [expect.objectContaining({ level: INFO })],
      );
    }

    const viewer = yWebsocketClient(server.url, id, bo.token);
    const ours = socketIoClient(server.url, id, bo.token);
    await Promise.all([viewer.synced, ours.synced]);
    const removal = await server.api(`/api/boards/${id}/members/${bo.member.id}`, {
      method: 'DELETE',
      token: fia.token,
    });
    expect(removal.status).toBe(204);
    // Not Socket.io's 'server namespace disconnect', the same for a removal and a shutdown.
    const ended = () => find('disconnected', { memberId: bo.member.id, reason: 'member_removed' });
    await waitFor(() => ended().length === 2, 'the removed member to be disconnected');
    viewer.destroy();
    ours.destroy();
  });

  it('logs a message over the size limit as payload_too_large over y-websocket too (review)', async () => {
    const board = await server.createBoard();
    const aino = await server.join(board.board.id, board.keys.participant, 'Aino');
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/yjs/${board.board.id}?token=${aino.token}`,
    );
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send(Buffer.alloc(4 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const ended = () =>
      find('disconnected', { memberId: aino.member.id, reason: 'payload_too_large' });
    await waitFor(() => ended().length === 1, 'the close logged with its reason');
  });

  it('logs a WebSocket upgrade to an address nothing serves', async () => {
    const board = await server.createBoard();
    const base = server.url.replace(/^http/, 'ws');
    const status = await new Promise<number | undefined>((resolve) => {
      // The board link given to a provider in place of the endpoint.
      const ws = new WebSocket(`${base}/b/${board.board.id}/${board.keys.participant}`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
    const wrong = () =>
      find('connection refused', { transport: 'ywebsocket', code: 'route_not_found' });
    await waitFor(() => wrong().length === 1, 'the refused upgrade');
    expect(wrong()[0]).toMatchObject({ path: `/b/${board.board.id}/…`, ip: '127.0.0.1' });
    expect(raw.join('\n')).not.toContain(board.keys.participant);
  });

  it('logs the address each connection came from, behind a proxy the one the request log names', async () => {
    const proxied = await loggedServer({ TRUST_PROXY: '1' });
    try {
      const { server: behind, find: findBehind } = proxied;
      const board = await behind.createBoard();
      const id = board.board.id;
      // The client's own entry on the left, the address the proxy saw on the right.
      const headers = { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' };
      const join = await behind.api<{ token: string; member: { id: string } }>(
        `/api/boards/${id}/join`,
        { body: { key: board.keys.participant, name: 'Aino' }, headers },
      );
      const { token, member } = join.body;
      const ws = new WebSocket(`${behind.url.replace(/^http/, 'ws')}/yjs/${id}?token=${token}`, {
        headers,
      });
      const socket = io(behind.url, {
        auth: { boardId: id, token },
        extraHeaders: headers,
        transports: ['websocket'],
        reconnection: false,
      });
      const refused = new WebSocket(
        `${behind.url.replace(/^http/, 'ws')}/yjs/${id}?token=wrong-token`,
        { headers },
      );
      await waitFor(
        () =>
          findBehind('connected', { memberId: member.id }).length === 2 &&
          findBehind('connection refused', { code: 'invalid_token' }).length === 1,
        'both connections and the refusal',
      );
      const [request] = findBehind('request', { path: `/api/boards/${id}/join` });
      expect(request?.ip).toBe('203.0.113.7');
      for (const transport of ['ywebsocket', 'socketio']) {
        expect(findBehind('connected', { memberId: member.id, transport })[0]?.ip).toBe(
          '203.0.113.7',
        );
      }
      expect(findBehind('connection refused', { code: 'invalid_token' })[0]?.ip).toBe(
        '203.0.113.7',
      );
      await closeOpened(ws);
      refused.close();
      socket.close();
    } finally {
      await proxied.server.close();
    }
    // Without TRUST_PROXY the header is the client's own word: the peer's address is logged.
    const board = await server.createBoard();
    const aino = await server.join(board.board.id, board.keys.participant, 'Aino');
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/yjs/${board.board.id}?token=${aino.token}`,
      { headers: { 'x-forwarded-for': '203.0.113.7' } },
    );
    await waitFor(() => find('connected', { memberId: aino.member.id }).length === 1);
    expect(find('connected', { memberId: aino.member.id })[0]?.ip).toBe('127.0.0.1');
    await closeOpened(ws);
  });

  it('logs the connections a shutdown ends as ended by the shutdown', async () => {
    const stopping = await loggedServer();
    const { server: last, find: findLast } = stopping;
    const board = await last.createBoard();
    const aino = await last.join(board.board.id, board.keys.participant, 'Aino');
    const stock = yWebsocketClient(last.url, board.board.id, aino.token);
    const ours = socketIoClient(last.url, board.board.id, aino.token);
    await Promise.all([stock.synced, ours.synced]);
    await last.close();
    stock.destroy();
    ours.destroy();
    // y-websocket had logged 1006, the socket cut after its 1001 (the close sent) was written.
    for (const transport of ['ywebsocket', 'socketio']) {
      expect(findLast('disconnected', { transport, memberId: aino.member.id })).toEqual([
        expect.objectContaining({ reason: 'shutting_down' }),
      ]);
    }
  });
});
