/**
 * Pinned items (server/documents/pinned-item.ts): a template's labels stay where the template
 * put them. A participant's change to a pinned item, over either transport, is taken back for
 * everyone and never stored; a facilitator's goes through, and only a facilitator pins or
 * unpins. Building on the board around them (a note in a pinned lane, a connector to a label)
 * is everyone's to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addItem, type ItemMap, itemsOf, readItems } from '../../shared/board-document.ts';
import {
  type Client,
  sleep,
  socketIoClient,
  waitFor,
  yWebsocketClient,
} from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The id of the item whose words (text or title) are `words`. */
function labelled(doc: Y.Doc, words: string): string {
  const found = readItems(doc).find(
    (item) => ('text' in item && item.text === words) || ('title' in item && item.title === words),
  );
  if (!found) throw new Error(`no item says ${words}`);
  return found.id;
}

/** Everything stored for a board's document, as text. */
const storedText = (boardId: string) =>
  Buffer.concat(
    (
      server.db.prepare('SELECT data FROM document_updates WHERE doc_id = ?').all(boardId) as {
        data: Buffer;
      }[]
    ).map((row) => row.data),
  ).toString('latin1');

const mapOf = (client: Client, id: string) => itemsOf(client.doc).get(id) as ItemMap;

/** A customer-journey board with its facilitator, a participant (on `transport`) and a viewer. */
async function journey(transport: 'socketio' | 'ywebsocket') {
  const { board, tokens } = await server.boardWithMembers('customer-journey');
  const id = board.board.id;
  const connect = transport === 'socketio' ? socketIoClient : yWebsocketClient;
  const participant = connect(server.url, id, tokens.participant);
  const facilitator = socketIoClient(server.url, id, tokens.facilitator);
  const viewer = socketIoClient(server.url, id, tokens.viewer);
  await Promise.all([participant.synced, facilitator.synced, viewer.synced]);
  const errors: string[] = [];
  if (transport === 'socketio') {
    const { provider } = participant as ReturnType<typeof socketIoClient>;
    provider.on('board-error', (error) => errors.push(error.code));
  }
  const title = labelled(participant.doc, 'Customer journey');
  const lane = labelled(participant.doc, 'People');
  const done = () => {
    for (const client of [participant, facilitator, viewer]) client.destroy();
  };
  return { id, tokens, participant, facilitator, viewer, errors, title, lane, done };
}

describe('pinned items', () => {
  it("a template's labels, stages and lanes are pinned; its concept card is not", async () => {
    const { board, tokens } = await server.boardWithMembers('customer-journey');
    const reader = socketIoClient(server.url, board.board.id, tokens.viewer);
    await reader.synced;
    const items = readItems(reader.doc);
    expect(items).toHaveLength(11);
    expect(items.every((item) => item.pinned === true)).toBe(true);
    reader.destroy();

    const canvas = await server.boardWithMembers('concept-canvas');
    const canvasReader = socketIoClient(server.url, canvas.board.board.id, canvas.tokens.viewer);
    await canvasReader.synced;
    const pinnedTypes = readItems(canvasReader.doc).map((item) => [item.type, item.pinned]);
    expect(pinnedTypes.sort()).toEqual([
      ['concept', undefined],
      ['frame', true],
    ]);
    canvasReader.destroy();
  });

  for (const transport of ['socketio', 'ywebsocket'] as const) {
    it(`a participant's move, resize, edit, unpinning and deletion of a pinned label are taken back for everyone (${transport})`, async () => {
      const board = await journey(transport);
      const { participant, facilitator, viewer, title } = board;
      const before = JSON.stringify(readItems(viewer.doc).find((item) => item.id === title));
      const refusals: Array<[string, (map: ItemMap) => void]> = [
        ['move', (map) => map.set('x', 999)],
        ['resize', (map) => map.set('w', 9)],
        ['edit', (map) => (map.get('text') as Y.Text).insert(0, 'PINNED-EDIT ')],
        ['unpin', (map) => map.delete('pinned')],
        ['unpin to false', (map) => map.set('pinned', false)],
        ['delete', () => itemsOf(participant.doc).delete(title)],
      ];
      for (const [what, change] of refusals) {
        participant.doc.transact(() => change(mapOf(participant, title)));
        const reverted = () =>
          JSON.stringify(readItems(participant.doc).find((item) => item.id === title)) === before;
        await waitFor(reverted, `${what} taken back in the participant's view`);
        expect(JSON.stringify(readItems(viewer.doc).find((item) => item.id === title))).toBe(
          before,
        );
      }
      if (transport === 'socketio') expect(board.errors).toContain('read_only');

      // The participant's edits go on being taken: their clock has no gap.
      const note = addItem(participant.doc, { type: 'note', x: 2000, y: 2000, text: 'still mine' });
      await waitFor(() => itemsOf(viewer.doc).has(note), "the participant's next note");

      // A facilitator moves and edits the pinned label.
      mapOf(facilitator, title).set('x', 40);
      await waitFor(() => mapOf(viewer, title).get('x') === 40, "the facilitator's move");
      await waitFor(() => mapOf(participant, title).get('x') === 40, 'seen by the participant');
      expect(mapOf(viewer, title).get('pinned')).toBe(true);
      board.done();

      // What is stored is the board as taken back, the facilitator's move and all.
      expect(storedText(board.id)).not.toContain('PINNED-EDIT');
      server = await server.restart();
      const reader = socketIoClient(server.url, board.id, board.tokens.viewer);
      await reader.synced;
      const stored = readItems(reader.doc).find((item) => item.id === title);
      expect(stored).toMatchObject({ x: 40, w: JSON.parse(before).w });
      expect(JSON.stringify(readItems(reader.doc))).not.toContain('PINNED-EDIT');
      expect(stored?.pinned).toBe(true);
      reader.destroy();
    });
  }

  it('a participant still adds notes into a pinned lane, and connects them to a pinned label', async () => {
    const board = await journey('socketio');
    const { participant, viewer, title, lane } = board;
    const laneMap = mapOf(participant, lane);
    const note = addItem(participant.doc, {
      type: 'note',
      x: (laneMap.get('x') as number) + 240,
      y: (laneMap.get('y') as number) + 40,
      parent: lane,
      text: 'in the lane',
    });
    const connector = addItem(participant.doc, {
      type: 'connector',
      x: 0,
      y: 0,
      from: note,
      to: title,
    });
    await waitFor(() => itemsOf(viewer.doc).has(note) && itemsOf(viewer.doc).has(connector));
    await sleep(100);
    expect(itemsOf(participant.doc).has(note)).toBe(true);
    expect(mapOf(viewer, note).get('parent')).toBe(lane);
    expect(board.errors).toEqual([]);
    board.done();
  });

  it('only a facilitator pins and unpins', async () => {
    const board = await journey('socketio');
    const { participant, facilitator, viewer, title } = board;
    // A participant pins neither their own note nor a new one.
    const note = addItem(participant.doc, { type: 'note', x: 3000, y: 0, text: 'mine' });
    await waitFor(() => itemsOf(viewer.doc).has(note), 'the note');
    mapOf(participant, note).set('pinned', true);
    await waitFor(() => mapOf(participant, note).get('pinned') === undefined, 'pin taken back');
    const pinnedNew = addItem(participant.doc, { type: 'note', x: 3300, y: 0, pinned: true });
    await waitFor(() => !itemsOf(participant.doc).has(pinnedNew), 'pinned new note taken back');
    expect(itemsOf(viewer.doc).has(pinnedNew)).toBe(false);

    // The facilitator unpins the title: now the participant moves it.
    mapOf(facilitator, title).delete('pinned');
    await waitFor(() => !mapOf(participant, title).has('pinned'), 'unpinned');
    mapOf(participant, title).set('x', 77);
    await waitFor(() => mapOf(viewer, title).get('x') === 77, "the participant's move");
    // And pins the participant's note: now it is fixed for them.
    mapOf(facilitator, note).set('pinned', true);
    await waitFor(() => mapOf(participant, note).get('pinned') === true, 'pinned');
    mapOf(participant, note).set('x', 1);
    await waitFor(() => mapOf(participant, note).get('x') === 3000, 'move of a pinned note');
    expect(mapOf(viewer, note).get('x')).toBe(3000);
    board.done();
  });
});
