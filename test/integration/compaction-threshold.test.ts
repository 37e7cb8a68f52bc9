/**
 * Compaction re-encodes a document's whole state, so a larger state waits for a longer log
 * tail: past COMPACT_AFTER_BYTES of state both thresholds grow in proportion to it. A real
 * SQLite file; updates arrive one row at a time, as from a client editing steadily.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LiveDocument } from '../../server/documents/live-document.ts';
import type { PeerTransport } from '../../server/documents/peer.ts';
import { encodeUpdate } from '../../server/documents/protocol.ts';
import type { Db } from '../../server/store/database.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { loadStoredDocument, storedBoardMember as member } from '../helpers/stored-document.ts';

const AFTER_BYTES = 1024;
const AFTER_UPDATES = 10;
const transport: PeerTransport = {
  kind: 'ywebsocket',
  send: () => {},
  notify: () => {},
  close: () => {},
};

let db: Db | undefined;
let live: LiveDocument | undefined;
afterEach(() => {
  live?.destroy();
  db?.close();
});

/** A board of `notes` notes as stored by compaction, loaded; the client that edits it. */
function open(notes: number) {
  const client = new Y.Doc();
  for (let i = 0; i < notes; i++) addItem(client, { type: 'note', x: i, y: 0, text: `idea ${i}` });
  const loaded = loadStoredDocument(client, {
    compaction: { afterBytes: AFTER_BYTES, afterUpdates: AFTER_UPDATES },
  });
  ({ db, live } = loaded);
  const document = loaded.live;
  const peer = document.connect(member, transport);
  const note = itemsOf(client).values().next().value as Y.Map<unknown>;
  let step = 0;
  const logRows = () =>
    (db!.prepare('SELECT count(*) AS n FROM document_updates').get() as { n: number }).n;
  return {
    /** Size of the stored state the log follows. */
    stateBytes: () =>
      (db!.prepare('SELECT length(state) AS n FROM document_states').get() as { n: number }).n,
    logRows,
    /** One move of a note: one update, stored as one row before this returns. */
    move() {
      let update: Uint8Array | undefined;
      client.once('update', (u: Uint8Array) => (update = u));
      note.set('x', ++step);
      document.receive(peer, encodeUpdate(update!));
      // Edits within 2 ms of each other share a row at the end of the turn: flush each now.
      document.flush();
    },
  };
}

describe('compaction thresholds', () => {
  it('a state under COMPACT_AFTER_BYTES folds its log after COMPACT_AFTER_UPDATES rows', () => {
    const board = open(3);
    expect(board.stateBytes()).toBeLessThan(AFTER_BYTES);
    for (let i = 1; i < AFTER_UPDATES; i++) board.move();
    expect(board.logRows()).toBe(AFTER_UPDATES - 1);
    board.move();
    expect(board.logRows()).toBe(0);
  });

  it('a larger state folds after a tail as many times longer as the state is larger', () => {
    const board = open(120);
    for (let round = 0; round < 2; round++) {
      // The second round measures against the state the first one folded.
      const scale = board.stateBytes() / AFTER_BYTES;
      expect(scale).toBeGreaterThan(3);
      const due = Math.ceil(AFTER_UPDATES * scale);
      for (let i = 1; i < due; i++) board.move();
      expect(board.logRows()).toBe(due - 1);
      board.move();
      expect(board.logRows()).toBe(0);
    }
  });
});
