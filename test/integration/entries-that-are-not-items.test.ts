/**
 * A stock Yjs client may put anything under `items`: PROTOCOL.md says an entry that is not an
 * item map is not an item. The server's own changes to a board (a snapshot restore, the
 * silent-writing reveal) must work around such entries, and a server change that fails half-way
 * must not leave the live board holding what was never stored or sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import type { RevealResponse } from '../../shared/facilitation.ts';
import type { Snapshot } from '../../shared/follow-through.ts';
import { waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JOIN_RATE_PER_MIN: '100000' });
});
afterAll(async () => {
  await server.close();
});

/** Writes a note, a plain string, a Y.Array and a Y.Text under `items`, as any Yjs client can. */
function writeOddEntries(doc: Y.Doc, prefix: string): string {
  const note = addItem(doc, { type: 'note', x: 0, y: 0, text: `${prefix} note` });
  doc.transact(() => {
    itemsOf(doc).set(`${prefix}-string`, 'just a string' as never);
    const list = new Y.Array<number>();
    list.push([1, 2, 3]);
    itemsOf(doc).set(`${prefix}-array`, list as never);
    itemsOf(doc).set(`${prefix}-text`, new Y.Text('loose text') as never);
  });
  return note;
}

const json = (doc: Y.Doc) => itemsOf(doc).toJSON();

describe('entries under items that are not items', () => {
  it('a snapshot of a board holding them restores, on every client', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = yWebsocketClient(server.url, id, tokens.participant);
    await writer.synced;
    writeOddEntries(writer.doc, 'before');
    const watcher = yWebsocketClient(server.url, id, tokens.viewer);
    await watcher.synced;
    await waitFor(() => itemsOf(watcher.doc).has('before-text'), 'the entries relayed');
    const wanted = json(writer.doc);
    const taken = await server.api<Snapshot>(`/api/boards/${id}/snapshots`, {
      token: tokens.facilitator,
      body: { name: 'with odd entries' },
    });
    expect(taken.status).toBe(201);

    writer.doc.transact(() => {
      for (const key of Array.from(itemsOf(writer.doc).keys())) itemsOf(writer.doc).delete(key);
    });
    writeOddEntries(writer.doc, 'after');
    await waitFor(() => itemsOf(watcher.doc).has('after-text'), 'the new entries relayed');

    const restored = await server.api(`/api/boards/${id}/snapshots/${taken.body.id}/restore`, {
      method: 'POST',
      token: tokens.facilitator,
    });
    expect(restored.status).toBe(200);
    await waitFor(
      () => JSON.stringify(json(watcher.doc)) === JSON.stringify(wanted),
      'the restore on the watching client',
    );
    expect(json(writer.doc)).toEqual(wanted);
    writer.destroy();
    watcher.destroy();
  });

  it('the reveal skips them, and a private note cannot take over a board item by its id', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const facilitator = yWebsocketClient(server.url, id, tokens.facilitator);
    await facilitator.synced;
    const concept = addItem(facilitator.doc, { type: 'concept', x: 0, y: 0, title: 'Keep me' });
    const started = await server.api(`/api/boards/${id}/silent-writing`, {
      token: tokens.facilitator,
      body: { action: 'start' },
    });
    expect(started.status).toBe(200);

    const privateDoc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/yjs`,
      `${id}/private`,
      privateDoc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: tokens.participant },
      },
    );
    await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
    const note = writeOddEntries(privateDoc, 'private');
    // An item under the id of the facilitator's concept.
    const impostor = new Y.Map<unknown>();
    impostor.set('type', 'note');
    impostor.set('text', new Y.Text('replaced!'));
    itemsOf(privateDoc).set(concept, impostor);
    const stored = () => server.documents.open({ boardId: id, owner: privateOwner() }).doc;
    const privateOwner = () =>
      (
        server.db
          .prepare('SELECT id FROM members WHERE board_id = ? AND role = ?')
          .get(id, 'participant') as { id: string }
      ).id;
    await waitFor(() => itemsOf(stored()).has(concept), 'the private entries stored');

    const reveal = await server.api<RevealResponse>(`/api/boards/${id}/silent-writing`, {
      token: tokens.facilitator,
      body: { action: 'reveal' },
    });
    expect(reveal.status).toBe(200);
    expect(reveal.body.revealed).toBe(2);
    await waitFor(() => itemsOf(facilitator.doc).has(note), 'the revealed note');
    const items = itemsOf(facilitator.doc);
    expect((items.get(concept) as Y.Map<unknown>).get('title')).toBe('Keep me');
    const texts = Array.from(items.values()).flatMap((item) =>
      item instanceof Y.Map && item.get('text') instanceof Y.Text ? [String(item.get('text'))] : [],
    );
    expect(texts.sort()).toEqual(['', 'private note', 'replaced!']);
    for (const key of ['private-string', 'private-array', 'private-text']) {
      expect(items.has(key)).toBe(false);
    }
    await waitFor(() => itemsOf(privateDoc).size === 0, 'the private document emptied');
    const state = await server.api<{ silentWriting: boolean }>(`/api/boards/${id}/state`, {
      token: tokens.facilitator,
    });
    expect(state.body.silentWriting).toBe(false);
    provider.destroy();
    facilitator.destroy();
  });

  it('a server change that fails half-way leaves the board as stored, for every client', async () => {
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = yWebsocketClient(server.url, id, tokens.participant);
    await writer.synced;
    const first = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'first' });
    const second = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'second' });
    const reader = yWebsocketClient(server.url, id, tokens.viewer);
    await reader.synced;
    await waitFor(() => itemsOf(reader.doc).has(second), 'both notes relayed');
    reader.destroy();

    expect(() =>
      server.documents.open({ boardId: id }).change((doc) => {
        itemsOf(doc).delete(first);
        throw new Error('a bug half-way through a server change');
      }),
    ).toThrow();

    const late = yWebsocketClient(server.url, id, tokens.viewer);
    await late.synced;
    expect(Array.from(itemsOf(late.doc).keys()).sort()).toEqual([first, second].sort());
    late.destroy();
    writer.destroy();
  });
});
