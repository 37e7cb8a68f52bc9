/**
 * An item's author is the one it was made with (server/documents/item-author.ts): a client that
 * puts another name on an item already on the board is disconnected and nothing of it is kept.
 * The QA pass showed why it matters: with a participant's name on the facilitator's note, a
 * named reveal let that participant's private note replace it while the board was locked, and
 * the exports named the wrong person.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let boardId: string;
let members: Record<'facilitator' | 'participant' | 'viewer', { id: string; token: string }>;

beforeEach(async () => {
  server = await startTestServer();
  const created = await server.boardWithMembers();
  boardId = created.board.board.id;
  const me = async (token: string) => {
    const response = await server.api<{ me: { id: string } }>(`/api/boards/${boardId}`, { token });
    return { id: response.body.me.id, token };
  };
  members = {
    facilitator: await me(created.tokens.facilitator),
    participant: await me(created.tokens.participant),
    viewer: await me(created.tokens.viewer),
  };
});
afterEach(async () => {
  await server.close();
});

/** The facilitator's note, and the participant connected and synced with it. */
async function facilitatorsNote(author: string | undefined) {
  const fia = socketIoClient(server.url, boardId, members.facilitator.token);
  await fia.synced;
  const id = addItem(fia.doc, { type: 'note', x: 0, y: 0, text: 'by Fia', author });
  const aino = socketIoClient(server.url, boardId, members.participant.token);
  await aino.synced;
  await waitFor(() => itemsOf(aino.doc).has(id), 'the note');
  const errors: string[] = [];
  aino.provider.on('board-error', (error) => errors.push(error.code));
  return { fia, aino, id, errors };
}

async function authorOnTheBoard(id: string) {
  const reader = socketIoClient(server.url, boardId, members.viewer.token);
  await reader.synced;
  const item = readItems(reader.doc).find((entry) => entry.id === id);
  reader.destroy();
  return item?.author;
}

describe("an item's author", () => {
  for (const [what, named] of [
    ["another member's", true],
    ['no one’s (a template label, a note revealed without names)', false],
  ] as const) {
    it(`a participant who puts their name on ${what} item is disconnected; it keeps its author`, async () => {
      const author = named ? members.facilitator.id : undefined;
      const { fia, aino, id, errors } = await facilitatorsNote(author);
      const closed = new Promise((resolve) => aino.provider.socket.once('disconnect', resolve));
      itemsOf(aino.doc).get(id)?.set('author', members.participant.id);
      await closed;
      expect(errors).toContain('malformed_message');
      expect(await authorOnTheBoard(id)).toBe(author);
      aino.destroy();
      fia.destroy();
    });
  }

  it('setting an author to what it is, a new note with any author, and undoing a delete are fine', async () => {
    const { fia, aino, id, errors } = await facilitatorsNote(members.facilitator.id);
    const items = itemsOf(aino.doc);
    // A client that writes every field of an item it changes.
    items.get(id)?.set('author', members.facilitator.id);
    // A note made with someone else's name: a new item may carry any author.
    const other = addItem(aino.doc, { type: 'note', x: 300, y: 0, author: members.viewer.id });
    // Deleting the facilitator's note and taking it back: Yjs makes it anew, with its author.
    const undo = new Y.UndoManager(items);
    items.delete(id);
    undo.stopCapturing();
    undo.undo();
    expect(items.get(id)?.get('author')).toBe(members.facilitator.id);
    addItem(aino.doc, { type: 'note', x: 600, y: 0, text: 'still connected' });
    await waitFor(
      () =>
        readItems(fia.doc).some((item) => item.type === 'note' && item.text === 'still connected'),
      'a later edit relayed',
    );
    expect(errors).toEqual([]);
    expect(await authorOnTheBoard(id)).toBe(members.facilitator.id);
    expect(await authorOnTheBoard(other)).toBe(members.viewer.id);
    aino.destroy();
    fia.destroy();
  });
});
