/**
 * A stored document read into a Y.Doc (applyStored: what a live document does when it opens),
 * and folding its update log into its state from outside the server that serves it
 * (`ideamill compact`, compactStored). The state and the log are read in one read transaction, folded in
 * memory, and written in a short IMMEDIATE transaction of their own, only if the stored state is
 * still the one read: a server beside us may have folded the log meanwhile, and writing ours
 * over its state would drop what it folded after our read. Updates the server appends while we
 * fold stay in the log, after the state they apply to.
 *
 * The write lock is held for the write alone. Folding inside it (as `ideamill compact` did)
 * kept a serving board's appends waiting, and with them the server's whole event loop: the
 * operator QA pass saw every board stall for 2.3 s while a 20,000-note board was folded.
 */
import * as Y from 'yjs';
import type { DocumentsRepository, StoredDocument } from '../store/documents-repository.ts';

/** Applies a stored state and its log to `doc`, in one transaction: observers run once. */
export function applyStored(doc: Y.Doc, stored: StoredDocument): void {
  Y.transact(doc, () => {
    if (stored.state && stored.encoding === 2) Y.applyUpdateV2(doc, stored.state);
    else if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
}

export type CompactResult =
  | { folded: number }
  /** The stored state changed while we folded (the server compacted it): nothing written. */
  | { changed: true };

export function compactStored(
  repository: DocumentsRepository,
  docId: string,
  boardId: string,
  /** Runs between the read and the write; for tests, which append there. */
  afterRead: () => void = () => {},
): CompactResult {
  const stored = repository.load(docId);
  afterRead();
  if (stored.updates.length === 0 && stored.encoding === 1) return { folded: 0 };
  const doc = new Y.Doc({ gc: true });
  try {
    applyStored(doc, stored);
    const state = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
    const written = repository.compactIfStateIs(
      docId,
      boardId,
      state,
      stored.lastSeq,
      stored.state,
    );
    return written ? { folded: stored.updates.length } : { changed: true };
  } finally {
    doc.destroy();
  }
}
