import type * as Y from 'yjs';

/**
 * Calls `listener` with the origin of every transaction that changed `doc`; returns the
 * unsubscribe. For views that only need to know that something changed: Yjs encodes each
 * transaction for its 'update' listeners, and on joining a board that transaction is the whole
 * board's state, encoded a second time for nobody.
 */
export function onDocChange(doc: Y.Doc, listener: (origin: unknown) => void): () => void {
  const handler = (transaction: Y.Transaction): void => {
    if (changedSomething(transaction)) listener(transaction.origin);
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

/** What Yjs checks before emitting 'update': something was added or deleted. */
function changedSomething(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
