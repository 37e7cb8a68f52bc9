/**
 * Updates that decode but hold what no board may (server/documents/update-shape.ts): a BigInt,
 * a sub-document, shared types nested deeper than a board's shape. Each once took the server
 * down at its next periodic snapshot, on every restart after (a participant's one message), or
 * disconnected everyone on a locked board over and over. Now the sender's connection is closed
 * and nothing of it is kept; and a board that holds such values anyway (written before) is
 * skipped by the periodic snapshot, not fatal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { sleep, socketIoClient, waitFor } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let boardId: string;
let tokens: Record<'facilitator' | 'participant' | 'viewer', string>;

beforeEach(async () => {
  server = await startTestServer({ SNAPSHOT_INTERVAL_MS: '1000' });
  const created = await server.boardWithMembers();
  boardId = created.board.board.id;
  tokens = created.tokens;
});
afterEach(async () => {
  await server.close();
});

/** A participant writes `write` into a new note: the errors its connection got, once closed. */
async function participantWrites(write: (item: Y.Map<unknown>, doc: Y.Doc) => void) {
  const client = socketIoClient(server.url, boardId, tokens.participant);
  await client.synced;
  const errors: string[] = [];
  client.provider.on('board-error', (error) => errors.push(error.code));
  const closed = new Promise((resolve) => client.provider.socket.once('disconnect', resolve));
  const item = new Y.Map<unknown>();
  client.doc.transact(() => {
    itemsOf(client.doc).set('odd', item as never);
    item.set('type', 'note');
    item.set('x', 10);
    item.set('y', 10);
    item.set('text', new Y.Text('looks like a note'));
    write(item, client.doc);
  });
  await closed;
  client.destroy();
  return errors;
}

async function boardItems() {
  const reader = socketIoClient(server.url, boardId, tokens.viewer);
  await reader.synced;
  const items = [...itemsOf(reader.doc).keys()];
  reader.destroy();
  return items;
}

/** A manual snapshot is taken (it reads the whole board as JSON). */
async function snapshotWorks() {
  const response = await server.api(`/api/boards/${boardId}/snapshots`, {
    token: tokens.participant,
    body: {},
  });
  expect(response.status).toBe(201);
}

describe('an update holding what no board may is refused', () => {
  const nested = (depth: number) => (item: Y.Map<unknown>) => nestMaps(item, depth);
  for (const [what, write] of [
    ['a BigInt', (item: Y.Map<unknown>) => item.set('extra', 10n)],
    ['a BigInt inside an object', (item: Y.Map<unknown>) => item.set('extra', { deep: [1, 2n] })],
    ['a sub-document', (item: Y.Map<unknown>) => item.set('extra', new Y.Doc())],
    ['maps nested 8,000 deep', nested(8000)],
    ['maps nested 8 below an item (9 with it)', nested(8)],
  ] as const) {
    it(`${what}: the sender is disconnected, the board keeps nothing of it`, async () => {
      const errors = await participantWrites(write);
      expect(errors).toContain('malformed_message');
      expect(await boardItems()).toEqual([]);
      await snapshotWorks();
    });
  }

  it('maps nested as deep as the limit are kept', async () => {
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    const item = new Y.Map<unknown>();
    client.doc.transact(() => {
      itemsOf(client.doc).set('odd', item as never);
      nested(7)(item);
    });
    await waitFor(() => server.documents.open({ boardId }).doc.getMap('items').has('odd'), 'kept');
    client.destroy();
    await snapshotWorks();
  });

  it('a nested type added to an item made by an update of the same turn is kept', async () => {
    const client = socketIoClient(server.url, boardId, tokens.participant);
    await client.synced;
    // Two transactions, sent one after the other, as a client back online sends its edits.
    const id = addItem(client.doc, { type: 'concept', x: 0, y: 0, title: 'Concept' });
    const concept = itemsOf(client.doc).get(id)!;
    const fields = concept.get('fields') as Y.Map<Y.Text>;
    fields.set('extraField', new Y.Text('added after'));
    const reader = socketIoClient(server.url, boardId, tokens.viewer);
    await waitFor(
      () =>
        (itemsOf(reader.doc).get(id)?.get('fields') as Y.Map<Y.Text> | undefined)
          ?.get('extraField')
          ?.toString() === 'added after',
      'the field on the board',
    );
    expect(client.provider.socket.connected).toBe(true);
    client.destroy();
    reader.destroy();
  });

  it('on a locked board, only the sender is disconnected', async () => {
    const facilitator = socketIoClient(server.url, boardId, tokens.facilitator);
    await facilitator.synced;
    await new Promise((done) =>
      facilitator.provider.socket.emit('board:lock', { locked: true }, done),
    );
    let facilitatorDisconnects = 0;
    facilitator.provider.socket.on('disconnect', () => facilitatorDisconnects++);
    const errors = await participantWrites(nested(8000));
    expect(errors).toContain('malformed_message');
    await sleep(300);
    expect(facilitatorDisconnects).toBe(0);
    expect(facilitator.provider.socket.connected).toBe(true);
    facilitator.destroy();
  });
});

describe('the periodic snapshot', () => {
  it('skips a board it cannot read and goes on with the others; the server stays up', async () => {
    // Written on the server's side, as a database from before these checks could hold it.
    server.documents.open({ boardId }).change((doc) => {
      const item = new Y.Map<unknown>();
      itemsOf(doc).set('odd', item as never);
      nestMaps(item, 8000);
    });
    const other = await server.boardWithMembers();
    const writer = socketIoClient(server.url, other.board.board.id, other.tokens.facilitator);
    await writer.synced;
    addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'snapshotted' });
    const snapshots = () =>
      server.api<{ snapshots: unknown[] }>(`/api/boards/${other.board.board.id}/snapshots`, {
        token: other.tokens.facilitator,
      });
    const before = (await snapshots()).body.snapshots.length;
    // Two periodic runs (every second here).
    await sleep(2500);
    expect((await server.api('/healthz')).status).toBe(200);
    expect((await snapshots()).body.snapshots.length).toBeGreaterThan(before);
    expect(readItems(writer.doc).map((item) => item.type)).toEqual(['note']);
    writer.destroy();
  });

  it('reads a BigInt a board holds from before as text, so that board is still snapshotted', async () => {
    const old = await server.boardWithMembers();
    const id = old.board.board.id;
    server.documents.open({ boardId: id }).change((doc) => {
      const item = new Y.Map<unknown>();
      itemsOf(doc).set('old', item as never);
      item.set('type', 'note');
      item.set('extra', 10n);
    });
    const snapshots = () =>
      server.api<{ snapshots: unknown[] }>(`/api/boards/${id}/snapshots`, {
        token: old.tokens.facilitator,
      });
    const before = (await snapshots()).body.snapshots.length;
    await sleep(2500);
    expect((await snapshots()).body.snapshots.length).toBeGreaterThan(before);
  });
});

function nestMaps(item: Y.Map<unknown>, depth: number) {
  let parent = item;
  for (let n = 0; n < depth; n++) {
    const child = new Y.Map<unknown>();
    parent.set('n', child);
    parent = child;
  }
}
