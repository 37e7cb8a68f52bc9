import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { databaseFile } from '../../server/store/database.ts';
import { addItem, itemsOf, readItems } from '../../shared/board-document.ts';
import { socketIoClient, waitFor, yWebsocketClient } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A deterministic mix of edits: add, type, move, recolour, delete. It pauses every few edits,
 * as a person typing does: edits sent in one turn reach the log as one row (apply-received.ts).
 */
async function edit(doc: Y.Doc, round: number, count: number): Promise<void> {
  let seed = round * 7919 + 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < count; i++) {
    if (i % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 2));
    const items = Array.from(itemsOf(doc).keys());
    const pick = items[Math.floor(random() * items.length)];
    const roll = random();
    if (!pick || roll < 0.35) {
      addItem(doc, { type: 'note', x: i, y: round, text: `r${round} n${i}` });
    } else if (roll < 0.6) {
      const text = itemsOf(doc).get(pick)?.get('text');
      if (text instanceof Y.Text) text.insert(Math.floor(random() * text.length), `+${i}`);
    } else if (roll < 0.8) {
      itemsOf(doc)
        .get(pick)
        ?.set('x', Math.round(random() * 1000));
    } else if (roll < 0.9) {
      itemsOf(doc).get(pick)?.set('color', '#bde0fe');
    } else {
      itemsOf(doc).delete(pick);
    }
  }
}

const logRows = (s: TestServer, boardId: string) =>
  s.db.prepare('SELECT count(*) AS n FROM document_updates WHERE board_id = ?').get(boardId) as {
    n: number;
  };

const sorted = (doc: Y.Doc) => readItems(doc).sort((a, b) => a.id.localeCompare(b.id));

describe('the board survives', () => {
  it('a restart on the same data directory', async () => {
    server = await startTestServer();
    const { board, tokens } = await server.boardWithMembers('retrospective');
    const id = board.board.id;
    const writer = yWebsocketClient(server.url, id, tokens.participant);
    await writer.synced;
    await edit(writer.doc, 1, 200);
    const reader = socketIoClient(server.url, id, tokens.viewer);
    await reader.synced;
    await waitFor(
      () => JSON.stringify(sorted(reader.doc)) === JSON.stringify(sorted(writer.doc)),
      'reader caught up',
    );
    const expected = sorted(writer.doc);
    writer.destroy();
    reader.destroy();

    server = await server.restart();
    const after = socketIoClient(server.url, id, tokens.viewer);
    await after.synced;
    expect(sorted(after.doc)).toEqual(expected);
    after.destroy();
  });

  it('compaction across many updates and restarts, equal to the document before', async () => {
    const env = { COMPACT_AFTER_UPDATES: '20' };
    server = await startTestServer(env);
    const { board, tokens } = await server.boardWithMembers('idea-mill');
    const id = board.board.id;
    let expected: ReturnType<typeof sorted> = [];
    let expectedState: Uint8Array = new Uint8Array();
    for (let round = 1; round <= 4; round++) {
      const writer = socketIoClient(server.url, id, tokens.facilitator);
      await writer.synced;
      if (round > 1) expect(sorted(writer.doc)).toEqual(expected);
      await edit(writer.doc, round, 180);
      const reader = yWebsocketClient(server.url, id, tokens.viewer);
      await reader.synced;
      await waitFor(
        () => JSON.stringify(sorted(reader.doc)) === JSON.stringify(sorted(writer.doc)),
        `round ${round} converged`,
      );
      expected = sorted(writer.doc);
      expectedState = Y.encodeStateVector(writer.doc);
      writer.destroy();
      reader.destroy();
      // The log was folded into the stored state as it grew.
      expect(logRows(server, id).n).toBeLessThan(20);
      const compactions = (await server.metrics.compactions.get()).values[0]?.value ?? 0;
      expect(compactions).toBeGreaterThan(0);
      server = await server.restart();
    }
    const last = socketIoClient(server.url, id, tokens.viewer);
    await last.synced;
    expect(sorted(last.doc)).toEqual(expected);
    // Same Yjs history too, not just the same visible items.
    expect(Y.encodeStateVector(last.doc)).toEqual(expectedState);
    last.destroy();
  });

  it('a crash between writing the state and dropping the log it covers', async () => {
    server = await startTestServer({ COMPACT_AFTER_UPDATES: '1000000' });
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = socketIoClient(server.url, id, tokens.participant);
    await writer.synced;
    await edit(writer.doc, 9, 120);
    // Relayed means stored: once a second client has every edit, the log holds them all.
    const witness = yWebsocketClient(server.url, id, tokens.viewer);
    await witness.synced;
    await waitFor(
      () => JSON.stringify(sorted(witness.doc)) === JSON.stringify(sorted(writer.doc)),
      'every edit relayed',
    );
    witness.destroy();
    const log = server.db
      .prepare('SELECT seq, data FROM document_updates WHERE board_id = ? ORDER BY seq')
      .all(id) as { seq: number; data: Buffer }[];
    const expected = sorted(writer.doc);
    writer.destroy();
    // A clean shutdown compacts: the stored state now covers the whole log, which is gone.
    const { dataDir, env } = server;
    await server.close();
    server = undefined;
    // Put the covered log back: what a compaction that stopped half-way would leave.
    const db = new Database(databaseFile(dataDir));
    expect(db.prepare('SELECT count(*) AS n FROM document_updates').get()).toEqual({ n: 0 });
    const insert = db.prepare(
      'INSERT INTO document_updates (seq, doc_id, board_id, data) VALUES (?, ?, ?, ?)',
    );
    for (const row of log) insert.run(row.seq, id, id, row.data);
    db.close();

    server = await startTestServer(env, dataDir);
    const reader = socketIoClient(server.url, id, tokens.viewer);
    await reader.synced;
    expect(sorted(reader.doc)).toEqual(expected);
    reader.destroy();
  });

  it('an idle board unloads from memory and reloads intact', async () => {
    server = await startTestServer({ IDLE_UNLOAD_MS: '200' });
    const { board, tokens } = await server.boardWithMembers();
    const id = board.board.id;
    const writer = socketIoClient(server.url, id, tokens.participant);
    await writer.synced;
    await edit(writer.doc, 3, 60);
    const note = addItem(writer.doc, { type: 'note', x: 0, y: 0, text: 'remember me' });
    const reader = socketIoClient(server.url, id, tokens.viewer);
    await waitFor(() => itemsOf(reader.doc).has(note), 'reader sees note');
    const expected = sorted(writer.doc);
    expect(server.documents.isLoaded(id)).toBe(true);
    writer.destroy();
    reader.destroy();
    await waitFor(() => !server!.documents.isLoaded(id), 'board unloaded', 5000);
    const metrics = await server.api<string>('/metrics');
    expect(metrics.body).toMatch(/ideamill_boards_loaded 0/);
    const again = socketIoClient(server.url, id, tokens.viewer);
    await again.synced;
    expect(server.documents.isLoaded(id)).toBe(true);
    expect(sorted(again.doc)).toEqual(expected);
    again.destroy();
  });
});
