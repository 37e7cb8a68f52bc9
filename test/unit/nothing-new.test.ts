/**
 * An update that changes nothing on the board (server/documents/nothing-new.ts): what a page
 * reconnecting sends in answer to the sync, the board's whole delete set with it, is no edit;
 * a new struct or a new deletion is one.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringsNothingNew } from '../../server/documents/nothing-new.ts';
import { validateUpdate } from '../../server/documents/protocol.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';

/** The server's board, and a page's copy of it: a note typed over, another deleted. */
function boardAndPage() {
  const board = new Y.Doc();
  const kept = addItem(board, { type: 'note', x: 0, y: 0, text: 'Clinic phone line' });
  const gone = addItem(board, { type: 'note', x: 300, y: 0, text: 'Draft' });
  board.transact(() => {
    (itemsOf(board).get(kept)!.get('text') as Y.Text).delete(0, 7);
    itemsOf(board).delete(gone);
  });
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(board));
  /** The page's answer to the board's sync step 1. */
  const answer = () => validateUpdate(Y.encodeStateAsUpdate(page, Y.encodeStateVector(board)));
  return { board, page, kept, answer };
}

describe('an update that brings nothing new', () => {
  it('is the answer of a page that edited nothing, delete set and all', () => {
    const { board, answer } = boardAndPage();
    expect(answer().ds.clients.size).toBeGreaterThan(0);
    expect(bringsNothingNew(answer(), board)).toBe(true);
  });

  it('is not one with a deletion the board does not have', () => {
    const { board, page, kept, answer } = boardAndPage();
    (itemsOf(page).get(kept)!.get('text') as Y.Text).delete(0, 1);
    expect(bringsNothingNew(answer(), board)).toBe(false);
  });

  it('is not one with a struct the board does not have', () => {
    const { board, page, answer } = boardAndPage();
    addItem(page, { type: 'note', x: 0, y: 300, text: 'New' });
    expect(bringsNothingNew(answer(), board)).toBe(false);
  });
});
