import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem, itemsOf, metaOf, readItems } from '../../shared/board-document.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const noteText = (doc: Y.Doc, id: string) =>
  (itemsOf(doc).get(id)?.get('text') as Y.Text | undefined)?.toString();

/** A new board's facilitator over Socket.io and a participant over y-websocket, connecting. */
async function facilitatorAndParticipant(template?: string) {
  const { board, tokens } = await server.boardWithMembers(template);
  return {
    sio: socketIoClient(server.url, board.board.id, tokens.facilitator),
    yws: yWebsocketClient(server.url, board.board.id, tokens.participant),
  };
}

describe('one board, two transports', () => {
  it('an edit made over Socket.io reaches a stock y-websocket client, and back', async () => {
    const { sio, yws } = await facilitatorAndParticipant();
    await Promise.all([sio.synced, yws.synced]);

    const fromSio = addItem(sio.doc, { type: 'note', x: 10, y: 20, text: 'from socket.io' });
    await waitFor(() => noteText(yws.doc, fromSio) === 'from socket.io', 'note at y-websocket');

    const fromYws = addItem(yws.doc, { type: 'note', x: 30, y: 40, text: 'from y-websocket' });
    await waitFor(() => noteText(sio.doc, fromYws) === 'from y-websocket', 'note at socket.io');

    // Both type into the same note at once; both edits survive on both sides.
    const shared = itemsOf(sio.doc).get(fromSio)!.get('text') as Y.Text;
    const sharedRemote = itemsOf(yws.doc).get(fromSio)!.get('text') as Y.Text;
    shared.insert(0, 'A ');
    sharedRemote.insert(sharedRemote.length, ' B');
    await waitFor(
      () =>
        noteText(sio.doc, fromSio) === noteText(yws.doc, fromSio) &&
        shared.toString().includes('B'),
      'converged text',
    );
    expect(shared.toString()).toBe('A from socket.io B');
    sio.destroy();
    yws.destroy();
  });

  it('a new board carries its template and schema version', async () => {
    const { board, tokens } = await server.boardWithMembers('customer-journey');
    const client = socketIoClient(server.url, board.board.id, tokens.viewer);
    await client.synced;
    expect(metaOf(client.doc).get('schemaVersion')).toBe(1);
    expect(metaOf(client.doc).get('template')).toBe('customer-journey');
    const frames = readItems(client.doc).filter((item) => item.type === 'frame');
    expect(frames.map((f) => (f.type === 'frame' ? f.title : ''))).toContain('Objects');
    expect(frames).toHaveLength(5);
    client.destroy();
  });

  it('presence is relayed and cleared on the server when a connection drops', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const a = socketIoClient(server.url, id, tokens.participant);
    const b = yWebsocketClient(server.url, id, tokens.facilitator);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Aino', cursor: { x: 1, y: 2 } });
    const aId = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().has(aId), 'a presence at b');
    expect(b.provider.awareness.getStates().get(aId)).toMatchObject({ user: { name: 'Aino' } });
    // Drop a's connection without a goodbye: the server must clear its presence itself.
    a.provider.socket.io.engine.close();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'a presence cleared');
    a.destroy();
    b.destroy();
  });
});

describe('the Socket.io provider', () => {
  it('sends an edit an observer makes while a received update is applied', async () => {
    const { sio, yws } = await facilitatorAndParticipant();
    await Promise.all([sio.synced, yws.synced]);
    // Answer every new note from elsewhere inside the observer, i.e. during the cleanup of the
    // transaction that applied it: a transaction of its own, which the provider must send.
    itemsOf(sio.doc).observe((event, transaction) => {
      if (transaction.origin !== sio.provider) return;
      for (const key of event.keysChanged) itemsOf(sio.doc).get(key)?.set('answered', true);
    });
    const note = addItem(yws.doc, { type: 'note', x: 0, y: 0, text: 'anyone?' });
    await waitFor(() => itemsOf(yws.doc).get(note)?.get('answered') === true, 'the answer');
    sio.destroy();
    yws.destroy();
  });

  it('listens for Yjs updates only of transactions it did not apply itself', async () => {
    const { sio, yws } = await facilitatorAndParticipant('customer-journey');
    // Yjs encodes a transaction for 'update' right after 'afterTransactionCleanup', and only
    // if someone listens. This listener runs after the provider's, just before that check.
    const encoded: Array<{ received: boolean; listened: boolean }> = [];
    sio.doc.on('afterTransactionCleanup', (transaction) => {
      encoded.push({
        received: transaction.origin === sio.provider,
        listened: sio.doc._observers.has('update'),
      });
    });
    await Promise.all([sio.synced, yws.synced]);
    const fromYws = addItem(yws.doc, { type: 'note', x: 0, y: 0, text: 'remote' });
    await waitFor(() => itemsOf(sio.doc).has(fromYws), 'the remote note');
    const fromSio = addItem(sio.doc, { type: 'note', x: 0, y: 0, text: 'local' });
    await waitFor(() => itemsOf(yws.doc).has(fromSio), 'the local note at y-websocket');
    // The template's state and the remote note arrived; the local note went out.
    expect(encoded.filter((t) => t.received).length).toBeGreaterThanOrEqual(2);
    expect(encoded.filter((t) => !t.received).length).toBeGreaterThanOrEqual(1);
    for (const transaction of encoded) expect(transaction.listened).toBe(!transaction.received);
    sio.destroy();
    yws.destroy();
  });
});
