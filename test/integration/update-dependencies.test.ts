/**
 * An update that builds on what the board does not have (server/documents/update-dependencies.ts)
 * is refused: Yjs would keep its parts aside and try them again at every later update, for good
 * (QA: 20,000 waiting structs, then five 25-byte messages, held the server 13.7 s). Sent in
 * order, the same updates are taken, also two in one event-loop turn.
 */

import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/documents/protocol.ts';
import { MAX_ENTRIES_ASIDE } from '../../server/documents/update-dependencies.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { socketIoClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let boardId: string;
let tokens: Record<'facilitator' | 'participant' | 'viewer', string>;

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.boardWithMembers();
  boardId = created.board.board.id;
  tokens = created.tokens;
});
afterAll(async () => {
  await server.close();
});

/** A doc of its own (another client) and each of its transactions' updates, in order. */
function elsewhere(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

/** Sends `updates` as one participant, at once; the error codes it got, and whether it was closed. */
async function send(updates: readonly Uint8Array[]) {
  const client = socketIoClient(server.url, boardId, tokens.participant);
  await client.synced;
  const errors: string[] = [];
  client.provider.on('board-error', (error) => errors.push(error.code));
  let closed = false;
  client.provider.socket.once('disconnect', () => {
    closed = true;
  });
  for (const update of updates) client.provider.sendRaw(encodeUpdate(update));
  // Acknowledged once stored, or closed: an item the board then has, or a closed connection.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const heard = { errors, closed };
  client.destroy();
  return heard;
}

async function boardTexts(): Promise<string[]> {
  const reader = socketIoClient(server.url, boardId, tokens.viewer);
  await reader.synced;
  const texts = [...itemsOf(reader.doc).values()].map((item) => String(item.get('text')));
  reader.destroy();
  return texts.sort();
}

describe('an update that builds on what the board does not have', () => {
  it('structs after a gap in their clock: refused, and the board keeps nothing of them', async () => {
    const { doc, updates } = elsewhere();
    addItem(doc, { type: 'note', x: 0, y: 0, text: 'first' });
    addItem(doc, { type: 'note', x: 200, y: 0, text: 'second, after the first' });
    const refused = await send([updates[1]!]);
    expect(refused).toEqual({ errors: ['malformed_message'], closed: true });
    expect(await boardTexts()).toEqual([]);
    // In order, they are taken, also several in one event-loop turn: the first is applied at
    // once (the board is quiet), the others at the turn's end, each building on the one before.
    for (let n = 3; n <= 6; n++)
      addItem(doc, { type: 'note', x: 200 * n, y: 0, text: `note ${n}` });
    const taken = await send(updates);
    expect(taken).toEqual({ errors: [], closed: false });
    await expect
      .poll(boardTexts)
      .toEqual(['first', 'note 3', 'note 4', 'note 5', 'note 6', 'second, after the first']);
  });

  it('an edit beside text of another client the board has not had: refused', async () => {
    const a = elsewhere();
    const note = addItem(a.doc, { type: 'note', x: 0, y: 400, text: 'abc' });
    const b = elsewhere();
    Y.applyUpdate(b.doc, a.updates[0]!);
    (itemsOf(b.doc).get(note)!.get('text') as Y.Text).insert(1, 'XYZ');
    const refused = await send([b.updates.at(-1)!]);
    expect(refused).toEqual({ errors: ['malformed_message'], closed: true });
    expect(await boardTexts()).not.toContain('aXYZbc');
    const taken = await send([a.updates[0]!, b.updates.at(-1)!]);
    expect(taken.errors).toEqual([]);
    await expect.poll(boardTexts).toContain('aXYZbc');
  });

  it('a deletion of what the board has not had: refused', async () => {
    const { doc, updates } = elsewhere();
    const note = addItem(doc, { type: 'note', x: 0, y: 800, text: 'gone soon' });
    itemsOf(doc).delete(note);
    const refused = await send([updates[1]!]);
    expect(refused).toEqual({ errors: ['malformed_message'], closed: true });
    // Deletions alone, of 1,000 ranges of a client nobody has seen (as QA sent a million):
    // no structs (0), then a delete set of one client, its ranges as clock and length.
    const unknown = 424242;
    const bytes: number[] = [0, 1];
    const varUint = (n: number) => {
      while (n > 0x7f) {
        bytes.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
      }
      bytes.push(n);
    };
    varUint(unknown);
    varUint(1000);
    for (let i = 0; i < 1000; i++) {
      varUint(i * 2);
      varUint(1);
    }
    const many = await send([new Uint8Array(bytes)]);
    expect(many).toEqual({ errors: ['malformed_message'], closed: true });
    expect(await boardTexts()).not.toContain('gone soon');
  });

  it('entries for one key that do not follow its newest value: a few are taken, many refused', async () => {
    // As QA sent them: entries for one key of a map, none written after another (the first of
    // a key new to the board follows nothing, as it should).
    const aside = (count: number, client: number) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, count);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, 0);
      for (let i = 0; i < count; i++) {
        encoding.writeUint8(encoder, 8 | 0x20); // ContentAny, with its map and key
        encoding.writeVarUint(encoder, 1); // the map is a root type
        encoding.writeVarString(encoder, 'meta');
        encoding.writeVarString(encoder, 'k');
        encoding.writeVarUint(encoder, 1);
        encoding.writeAny(encoder, i);
      }
      encoding.writeVarUint(encoder, 0);
      return encoding.toUint8Array(encoder);
    };
    expect(await send([aside(MAX_ENTRIES_ASIDE + 2, 777)])).toEqual({
      errors: ['malformed_message'],
      closed: true,
    });
    expect(await send([aside(MAX_ENTRIES_ASIDE + 1, 778)])).toEqual({ errors: [], closed: false });
    // A note moved a hundred times in one change (an offline drag, say): each move follows the
    // one before, and all are taken.
    const { doc, updates } = elsewhere();
    const note = addItem(doc, { type: 'note', x: 0, y: 1200, text: 'moved about' });
    doc.transact(() => {
      for (let x = 1; x <= 100; x++) itemsOf(doc).get(note)!.set('x', x);
    });
    expect(await send(updates)).toEqual({ errors: [], closed: false });
    const reader = socketIoClient(server.url, boardId, tokens.viewer);
    await reader.synced;
    expect(itemsOf(reader.doc).get(note)?.get('x')).toBe(100);
    reader.destroy();
  });
});
