import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndUndo } from '../../server/documents/refused-edit.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';

/** A board with a history: notes added by three members, a third of them deleted since. */
function boardWithHistory(notes: number): Y.Doc {
  const board = new Y.Doc({ gc: true });
  for (const member of [1, 2, 3]) {
    const doc = new Y.Doc();
    doc.clientID = member;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
    const ids: string[] = [];
    for (let i = 0; i < notes / 3; i++) {
      ids.push(addItem(doc, { type: 'note', x: i, y: member, text: `Idea ${member}.${i}` }));
    }
    doc.transact(() => {
      for (const id of ids.filter((_, i) => i % 3 === 0)) itemsOf(doc).delete(id);
    });
    Y.applyUpdate(board, Y.encodeStateAsUpdate(doc));
  }
  return board;
}

/** A member's copy of the board, as it was before the refused edit. */
function copyOf(board: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(board));
  return doc;
}

/** Edits a member on a locked board might try; each returns the update it sends. */
const EDITS: Record<string, (doc: Y.Doc) => void> = {
  'adds a note': (doc) => {
    addItem(doc, { type: 'note', x: 5, y: 5, text: 'Not now' });
  },
  'deletes a note': (doc) => {
    itemsOf(doc).delete([...itemsOf(doc).keys()][0]!);
  },
  'rewrites a note and moves another': (doc) => {
    const [first, second] = [...itemsOf(doc).values()];
    const text = first!.get('text') as Y.Text;
    text.delete(0, 4);
    text.insert(0, 'Replaced');
    second!.set('x', 999);
  },
  'deletes every note': (doc) => {
    doc.transact(() => {
      for (const id of [...itemsOf(doc).keys()]) itemsOf(doc).delete(id);
    });
  },
};

describe('a refused edit (applyAndUndo)', () => {
  it.each(Object.keys(EDITS))(
    'that %s: the update relayed brings every other copy to the board as the server has it',
    (edit) => {
      const board = boardWithHistory(60);
      const before = itemsOf(board).toJSON();
      const author = copyOf(board, 7);
      const bystander = copyOf(board, 8);
      const sent: Uint8Array[] = [];
      author.on('update', (update: Uint8Array) => sent.push(update));
      EDITS[edit]!(author);
      const update = Y.mergeUpdates(sent);

      const { reverted, complete } = applyAndUndo(board, update);
      expect(complete).toBe(true);
      expect(itemsOf(board).toJSON()).toEqual(before);
      // The author and everyone else apply what was relayed, and hold what the server holds:
      // the same structs, the same deletions.
      for (const copy of [author, bystander]) {
        Y.applyUpdate(copy, reverted);
        expect(itemsOf(copy).toJSON()).toEqual(before);
        expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(board));
        expect(Y.equalDeleteSets(deletionsOf(copy), deletionsOf(board))).toBe(true);
      }
    },
  );

  it('relays what the edit touched, not every deletion the board ever had', () => {
    const board = boardWithHistory(3_000);
    const wholeDeleteSet = Y.encodeStateAsUpdate(board, Y.encodeStateVector(board)).length;
    expect(wholeDeleteSet).toBeGreaterThan(2_000);
    const author = copyOf(board, 7);
    const sent: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => sent.push(update));
    EDITS['adds a note']!(author);

    const { reverted } = applyAndUndo(board, Y.mergeUpdates(sent));
    expect(reverted.length).toBeLessThan(200);
    const bystander = copyOf(board, 8);
    Y.applyUpdate(bystander, reverted);
    expect(Y.encodeStateVector(bystander)).toEqual(Y.encodeStateVector(board));
  });
});

function deletionsOf(doc: Y.Doc) {
  return Y.createDeleteSetFromStructStore(doc.store);
}
