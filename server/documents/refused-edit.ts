/**
 * Refusing an edit from a member who may edit again later (a locked board, silent writing).
 * Dropping it would leave a gap in that client's clock, so none of its later edits could ever
 * integrate. Instead the edit is applied, undone and garbage-collected in memory, and only the
 * result is stored and relayed, to everyone including its author: the same clocks, none of
 * the refused content, and the author's view reverts.
 */
import * as Y from 'yjs';

/** Marks an edit that is applied only to be undone. */
const REFUSED_ORIGIN = Symbol('refused');

/**
 * Applies and undoes `update` in `doc`; returns the content-free update to store and relay.
 * Throws when that is impossible (the document must then be reloaded from the database).
 */
export function applyAndUndo(doc: Y.Doc, update: Uint8Array): Uint8Array {
  const store = doc.store;
  const pending = [store.pendingStructs, store.pendingDs];
  const before = Y.encodeStateVector(doc);
  const undo = new Y.UndoManager(doc, {
    trackedOrigins: new Set([REFUSED_ORIGIN]),
    captureTimeout: 0,
  });
  try {
    Y.applyUpdate(doc, update, REFUSED_ORIGIN);
    // Structs waiting for missing dependencies cannot be undone: reload instead.
    if (store.pendingStructs !== pending[0] || store.pendingDs !== pending[1]) {
      throw new Error('a refused update left structs pending');
    }
    undo.undo();
    undo.clear();
  } finally {
    undo.destroy();
  }
  Y.tryGc(Y.createDeleteSetFromStructStore(store), store, () => true);
  return Y.encodeStateAsUpdate(doc, before);
}
