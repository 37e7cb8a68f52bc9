/**
 * What the server keeps per board lives as long as the board's document is in memory: once it
 * unloads, the store is the truth again, so memory is bounded by the boards in use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStateRepository } from '../../server/store/board-state-repository.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const openBoard = (boardId: string) => server.documents.open({ boardId });
const unloadBoard = (boardId: string) => {
  server.documents.unload(openBoard(boardId));
  expect(server.documents.isLoaded({ boardId })).toBe(false);
};

describe('a board whose document unloads', () => {
  it('has its facilitation state read from the store again', async () => {
    const { board } = await server.createBoard();
    const id = board.id;
    openBoard(id);
    expect(server.facilitation.state.get(id).locked).toBe(false);
    // Changed behind the service while the board is unloaded (as another process could).
    unloadBoard(id);
    const repository = new BoardStateRepository(server.db);
    repository.save(id, { ...repository.get(id), locked: true, phase: 'Ideate' });
    expect(server.facilitation.state.get(id)).toMatchObject({ locked: true, phase: 'Ideate' });
  });

  it('tells whether it changed since its newest snapshot from what the snapshot covers', async () => {
    const { board } = await server.createBoard();
    const id = board.id;
    const { snapshots } = server.followThrough;
    openBoard(id).change((doc) => addItem(doc, { type: 'note', x: 0, y: 0, text: 'kept' }));
    const taken = snapshots.take(id, { reason: 'manual', name: null });
    const row = () =>
      server.db.prepare('SELECT covers FROM snapshots WHERE id = ?').get(taken.id) as {
        covers: Uint8Array | null;
      };
    expect(Y.decodeSnapshotV2(row().covers!)).toEqual(Y.snapshot(openBoard(id).doc));

    // Loaded again and unchanged: no new snapshot, from the stored covers.
    unloadBoard(id);
    expect(snapshots.snapshotIfChanged(openBoard(id))).toBeUndefined();
    // A snapshot stored before covers were recorded: its state is decoded instead.
    server.db.prepare('UPDATE snapshots SET covers = NULL WHERE id = ?').run(taken.id);
    unloadBoard(id);
    expect(snapshots.snapshotIfChanged(openBoard(id))).toBeUndefined();
    // Nothing of it is kept in memory once unloaded: without stored snapshots, one is taken.
    unloadBoard(id);
    server.db.prepare('DELETE FROM snapshots WHERE board_id = ?').run(id);
    const next = snapshots.snapshotIfChanged(openBoard(id));
    expect(next?.reason).toBe('periodic');
    // And a change after it is one.
    openBoard(id).change((doc) => addItem(doc, { type: 'note', x: 5, y: 5, text: 'new' }));
    expect(snapshots.snapshotIfChanged(openBoard(id))?.reason).toBe('periodic');
    expect(snapshots.snapshotIfChanged(openBoard(id))).toBeUndefined();
  });

  it("tells whether its content is its newest snapshot's from the stored fingerprint, without decoding it", async () => {
    const { board } = await server.createBoard();
    const id = board.id;
    const { snapshots } = server.followThrough;
    openBoard(id).change((doc) => addItem(doc, { type: 'note', x: 0, y: 0, text: 'kept' }));
    const taken = snapshots.take(id, { reason: 'manual', name: null });
    // Changed and changed back: what it covers differs, its content does not.
    const addAndDelete = () => {
      let passing = '';
      openBoard(id).change((doc) => {
        passing = addItem(doc, { type: 'note', x: 5, y: 5, text: 'passing' });
      });
      openBoard(id).change((doc) => itemsOf(doc).delete(passing));
    };
    const setState = (state: Uint8Array) =>
      server.db.prepare('UPDATE snapshots SET state = ? WHERE id = ?').run(state, taken.id);
    const stored = server.db.prepare('SELECT state FROM snapshots WHERE id = ?').get(taken.id) as {
      state: Uint8Array;
    };

    // Loaded again: the comparison reads the fingerprint stored with the snapshot, not its
    // state (here made to hold an empty board, which decoding would find different).
    unloadBoard(id);
    addAndDelete();
    setState(Y.encodeStateAsUpdateV2(new Y.Doc()));
    expect(snapshots.snapshotIfChanged(openBoard(id))).toBeUndefined();

    // A snapshot stored before fingerprints were recorded: its state is decoded instead.
    setState(stored.state);
    server.db.prepare('UPDATE snapshots SET content = NULL WHERE id = ?').run(taken.id);
    unloadBoard(id);
    addAndDelete();
    expect(snapshots.snapshotIfChanged(openBoard(id))).toBeUndefined();
    openBoard(id).change((doc) => addItem(doc, { type: 'note', x: 9, y: 9, text: 'new' }));
    expect(snapshots.snapshotIfChanged(openBoard(id))?.reason).toBe('periodic');
  });
});
