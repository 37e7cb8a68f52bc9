/**
 * One update, many connections: every kind of connection gets every relayed update, in order —
 * Socket.io over WebSocket (framed once, written directly), Socket.io over long-polling (the
 * usual Socket.io path) and y-websocket (one frame for all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('relaying updates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reaches WebSocket, long-polling and y-websocket connections alike, in order', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const boardId = board.board.id;
    const writer = socketIoClient(server.url, boardId, tokens.participant);
    const overWebSocket = socketIoClient(server.url, boardId, tokens.viewer);
    const pollingDoc = new Y.Doc();
    const overPolling = new SocketIoProvider(server.url, boardId, pollingDoc, {
      token: tokens.viewer,
      socket: { transports: ['polling'], reconnection: false },
    });
    const stock = yWebsocketClient(server.url, boardId, tokens.viewer);
    await Promise.all([writer.synced, overWebSocket.synced, stock.synced]);
    await waitFor(() => overPolling.synced, 'the long-polling client synced');

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(addItem(writer.doc, { type: 'note', x: i, y: 0, text: `note ${i}` }));
      itemsOf(writer.doc).get(ids[0]!)!.set('x', i);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const expected = Y.encodeStateVector(writer.doc);
    for (const [name, doc] of [
      ['websocket', overWebSocket.doc],
      ['polling', pollingDoc],
      ['y-websocket', stock.doc],
    ] as const) {
      await waitFor(() => ids.every((id) => itemsOf(doc).has(id)), `all notes over ${name}`);
      expect(itemsOf(doc).get(ids[0]!)!.get('x'), name).toBe(19);
      expect(Y.encodeStateVector(doc), name).toEqual(expected);
    }
    overPolling.destroy();
    pollingDoc.destroy();
    for (const client of [writer, overWebSocket, stock]) client.destroy();
  });
});
