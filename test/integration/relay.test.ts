/**
 * One update, many connections: every kind of connection gets every relayed update, in order —
 * Socket.io over WebSocket (framed once, written directly), Socket.io over long-polling (the
 * usual Socket.io path) and y-websocket (one frame for all).
 */
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
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
      // The last note and the last move are two updates, which may arrive in two messages.
      const same = () => Buffer.from(Y.encodeStateVector(doc)).equals(Buffer.from(expected));
      await waitFor(same, `everything over ${name}`);
      const missing = ids.filter((id) => !itemsOf(doc).has(id));
      expect(missing, name).toEqual([]);
      expect(itemsOf(doc).get(ids[0]!)!.get('x'), name).toBe(19);
    }
    overPolling.destroy();
    pollingDoc.destroy();
    for (const client of [writer, overWebSocket, stock]) client.destroy();
  });

  it("merges a burst into few messages, each client gets everyone's changes but its own", async () => {
    const { board, tokens } = await server.boardWithMembers();
    const boardId = board.board.id;
    const first = yWebsocketClient(server.url, boardId, tokens.participant);
    const second = socketIoClient(server.url, boardId, tokens.participant);
    const watcher = yWebsocketClient(server.url, boardId, tokens.viewer);
    await Promise.all([first.synced, second.synced, watcher.synced]);
    // Counts the update messages a stock client receives, straight off its socket.
    const received = (client: ReturnType<typeof yWebsocketClient>) => {
      const count = { messages: 0, own: 0 };
      (client.provider.ws as unknown as WebSocket).on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
        count.messages++;
        const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
        if (structs.some((struct) => struct.id.client === client.doc.clientID)) count.own++;
      });
      return count;
    };
    const atFirst = received(first);
    const atWatcher = received(watcher);
    // 50 separate transactions from each writer, sent in one go: 100 updates.
    const note = (doc: Y.Doc, name: string, i: number) =>
      addItem(doc, { type: 'note', x: i, y: 0, text: `${name} ${i}` });
    for (let i = 0; i < 50; i++) {
      note(first.doc, 'first', i);
      note(second.doc, 'second', i);
    }
    const converged = () =>
      [first.doc, second.doc, watcher.doc].every((doc) => itemsOf(doc).size === 100);
    await waitFor(converged, 'all 100 notes everywhere');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const expected = Y.encodeStateVector(watcher.doc);
    expect(Y.encodeStateVector(first.doc)).toEqual(expected);
    expect(Y.encodeStateVector(second.doc)).toEqual(expected);
    // Merged per flush: far fewer messages than updates; the writer got none of its own back.
    expect(atWatcher.messages).toBeGreaterThan(0);
    expect(atWatcher.messages).toBeLessThan(50);
    expect(atFirst.messages).toBeGreaterThan(0);
    expect(atFirst.own).toBe(0);
    for (const client of [first, second, watcher]) client.destroy();
  });
});
