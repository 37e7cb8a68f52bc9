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
 * `complete` is false when part of the update depended on changes the document does not have:
 * that part is forgotten (an honest client never sends such an update; its sender must resync).
 */
export function applyAndUndo(
  doc: Y.Doc,
  update: Uint8Array,
): { reverted: Uint8Array; complete: boolean } {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  const before = Y.encodeStateVector(doc);
  const undo = new Y.UndoManager(doc, {
    trackedOrigins: new Set([REFUSED_ORIGIN]),
    captureTimeout: 0,
  });
  let complete = true;
  // What the edit and its undoing delete: garbage-collected afterwards, and nothing else. The
  // whole document's deletions, gathered for every refused edit, cost 8 ms each on a board of
  // 50,000 notes, and a participant on a locked board sends hundreds a second (QA).
  const deleted: Y.Transaction['deleteSet'][] = [];
  const gather = (transaction: Y.Transaction) => deleted.push(transaction.deleteSet);
  doc.on('afterTransaction', gather);
  try {
    Y.applyUpdate(doc, update, REFUSED_ORIGIN);
    // Structs waiting for missing dependencies cannot be undone, and must not integrate later
    // when those arrive: they are dropped, and only what did integrate is undone.
    if (store.pendingStructs !== pendingStructs || store.pendingDs !== pendingDs) {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
      complete = false;
    }
    undo.undo();
    undo.clear();
  } finally {
    undo.destroy();
    doc.off('afterTransaction', gather);
  }
  Y.tryGc(Y.mergeDeleteSets(deleted), store, () => true);
  return { reverted: Y.encodeStateAsUpdate(doc, before), complete };
}
