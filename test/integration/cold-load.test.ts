/**
 * Opening a board that is not in memory: the sync opens with the stored state vector and a new
 * client's full sync is the stored state itself, both sent before the server integrates it;
 * everything else waits for the integrated document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentId } from '../../server/documents/document-key.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const stateRow = (s: TestServer, boardId: string) =>
  s.db
    .prepare('SELECT state, encoding, state_vector FROM document_states WHERE doc_id = ?')
    .get(boardId) as { state: Buffer; encoding: number; state_vector: Buffer | null };

const sorted = (doc: Y.Doc) => readItems(doc).sort((a, b) => a.id.localeCompare(b.id));

describe('a board that is not in memory', () => {
  it('answers a new client with the stored state, then integrates it and takes edits', async () => {
    server = await startTestServer();
    const { board, tokens } = await server.boardWithMembers('customer-journey');
    const boardId = board.board.id;
    const writer = socketIoClient(server.url, boardId, tokens.participant);
    await writer.synced;
    for (let i = 0; i < 50; i++) addItem(writer.doc, { type: 'note', x: i, y: i, text: `n${i}` });
    const expected = sorted(writer.doc);
    const live = server.documents.open({ boardId });
    await waitFor(() => itemsOf(live.doc).size === expected.length, 'the notes on the server');
    writer.destroy();
    server = await server.restart();
    const { state, encoding, state_vector } = stateRow(server, boardId);
    expect(encoding).toBe(1);
    // Stored with its state vector, which opens the sync before the state is integrated.
    expect(state_vector).toEqual(Buffer.from(Y.encodeStateVectorFromUpdate(state)));

    const reader = yWebsocketClient(server.url, boardId, tokens.viewer);
    await reader.synced;
    expect(sorted(reader.doc)).toEqual(expected);
    // The full sync it received is exactly the stored bytes: same content, nothing re-encoded.
    expect(Buffer.from(Y.encodeStateAsUpdate(reader.doc)).equals(state)).toBe(true);

    const editor = socketIoClient(server.url, boardId, tokens.participant);
    await editor.synced;
    const id = addItem(editor.doc, { type: 'note', x: 1, y: 2, text: 'after the restart' });
    await waitFor(() => itemsOf(reader.doc).has(id), 'the new note at the reader');
    expect(server.documents.open({ boardId }).integrated).toBe(true);
    reader.destroy();
    editor.destroy();
  });

  it('loads a state stored as Yjs V2 by an older version and rewrites it as V1', async () => {
    server = await startTestServer();
    const { board, tokens } = await server.boardWithMembers('retrospective');
    const boardId = board.board.id;
    const before = new Y.Doc();
    Y.applyUpdate(before, stateRow(server, boardId).state);
    server.db
      .prepare('UPDATE document_states SET state = ?, encoding = 2 WHERE doc_id = ?')
      .run(Y.encodeStateAsUpdateV2(before), documentId({ boardId }));
    server = await server.restart();
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    expect(sorted(client.doc)).toEqual(sorted(before));
    await waitFor(() => stateRow(server!, boardId).encoding === 1, 'the state rewritten as V1');
    client.destroy();
  });
});
