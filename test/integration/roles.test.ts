import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { sleep, socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function storedLog(boardId: string): string {
  const rows = server.db
    .prepare('SELECT data FROM document_updates WHERE board_id = ?')
    .all(boardId) as { data: Buffer }[];
  return Buffer.concat(rows.map((r) => r.data)).toString('latin1');
}

describe("a viewer's edit never reaches the board", () => {
  for (const transport of ['socketio', 'ywebsocket'] as const) {
    it(`over ${transport}`, async () => {
      const { board, tokens } = await server.boardWithMembers();
      const id = board.board.id;
      const connect = transport === 'socketio' ? socketIoClient : yWebsocketClient;
      const viewer = connect(server.url, id, tokens.viewer);
      const observer = socketIoClient(server.url, id, tokens.facilitator);
      await Promise.all([viewer.synced, observer.synced]);
      const errors: ErrorBody[] = [];
      if (viewer.provider instanceof SocketIoProvider) {
        viewer.provider.on('board-error', (e) => errors.push(e));
      }

      // Connecting is not editing: no refusal until the viewer actually edits.
      await sleep(50);
      expect(errors).toEqual([]);
      addItem(viewer.doc, { type: 'note', x: 0, y: 0, text: 'viewer-was-here' });
      // A participant's edit after it proves the observer is listening.
      const participant = connect(server.url, id, tokens.participant);
      await participant.synced;
      const marker = addItem(participant.doc, { type: 'note', x: 1, y: 1, text: 'participant' });
      await waitFor(() => itemsOf(observer.doc).has(marker), 'participant edit');
      await sleep(100);

      expect(itemsOf(observer.doc).size).toBe(1);
      expect(storedLog(id)).not.toContain('viewer-was-here');
      if (transport === 'socketio') expect(errors.map((e) => e.code)).toContain('read_only');

      // Not in the server's document either: a fresh client sees only the participant's note.
      const fresh = socketIoClient(server.url, id, tokens.viewer);
      await fresh.synced;
      expect(Array.from(itemsOf(fresh.doc).keys())).toEqual([marker]);
      for (const c of [viewer, observer, participant, fresh]) c.destroy();
    });
  }
});

describe('a bad token is refused before any document data is sent', () => {
  async function rawYWebsocket(boardId: string, token: string | null) {
    const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${boardId}${query}`);
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));
    const [code, reason] = await new Promise<[number, string]>((resolve) =>
      ws.on('close', (c, r) => resolve([c, r.toString()])),
    );
    return { code, reason, received };
  }

  it('on the y-websocket endpoint', async () => {
    const a = await server.boardWithMembers();
    const b = await server.boardWithMembers();
    const id = a.board.board.id;
    for (const [token, code, reason] of [
      [null, 4401, 'token_required'],
      ['not-a-token', 4401, 'invalid_token'],
      [b.tokens.facilitator, 4401, 'invalid_token'],
    ] as const) {
      const result = await rawYWebsocket(id, token);
      expect(result).toEqual({ code, reason, received: [] });
    }
    const unknown = await rawYWebsocket('01890000-0000-7000-8000-000000000000', a.tokens.viewer);
    expect(unknown).toEqual({ code: 4404, reason: 'board_not_found', received: [] });
  });

  it('on Socket.io', async () => {
    const a = await server.boardWithMembers();
    const b = await server.boardWithMembers();
    const id = a.board.board.id;
    for (const [auth, code] of [
      [{}, 'token_required'],
      [{ boardId: id, token: 'not-a-token' }, 'invalid_token'],
      [{ boardId: id, token: b.tokens.facilitator }, 'invalid_token'],
      // Not a board id at all: an unknown board, as HTTP's 404 and y-websocket's 4404 say.
      [{ boardId: 'abc', token: b.tokens.facilitator }, 'board_not_found'],
      // A string of no token's length opens nothing, as an unknown token does (it said
      // token_required, "Connect with auth: { token, boardId }", of a token sent).
      [{ boardId: id, token: 'x'.repeat(201) }, 'invalid_token'],
      [{ boardId: id, token: '' }, 'token_required'],
    ] as const) {
      const socket = io(server.url, { auth, transports: ['websocket'], reconnection: false });
      const events: string[] = [];
      socket.onAny((event: string) => events.push(event));
      const error = await new Promise<Error & { data?: ErrorBody }>((resolve) =>
        socket.on('connect_error', resolve),
      );
      expect(error.data?.code).toBe(code);
      await sleep(50);
      expect(events).toEqual([]);
      socket.close();
    }
  });

  it('a token for the right board still connects (control)', async () => {
    const a = await server.boardWithMembers();
    const client = socketIoClient(server.url, a.board.board.id, a.tokens.viewer);
    await client.synced;
    expect(client.provider.member?.role).toBe('viewer');
    client.destroy();
  });

  it('a protocol that is not a version number is no reason to refuse (PROTOCOL.md)', async () => {
    const a = await server.boardWithMembers();
    const auth = { boardId: a.board.board.id, token: a.tokens.participant };
    for (const protocol of ['1', 1.5, null, true]) {
      const socket = io(server.url, {
        auth: { ...auth, protocol },
        transports: ['websocket'],
        reconnection: false,
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.on('connect', () => resolve('connected'));
        socket.on('connect_error', (error: Error & { data?: ErrorBody }) =>
          resolve(error.data?.code ?? error.message),
        );
      });
      expect([protocol, outcome]).toEqual([protocol, 'connected']);
      socket.close();
    }
  });
});
