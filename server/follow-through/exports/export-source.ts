/**
 * What an export is built from: everything a BoardExport holds but its items, and either the
 * items themselves (the live board, read where its document lives) or a snapshot's stored state,
 * read into a document of its own where the export is rendered (the export thread), so that a
 * version's preview does not hold the event loop while Yjs integrates it.
 */
import * as Y from 'yjs';
import { readItems } from '../../../shared/board-document.ts';
import { withStacking } from '../../../shared/drawing-order.ts';
import type { BoardExport, ExportItem } from '../../../shared/follow-through.ts';

export type ExportSource = Omit<BoardExport, 'items'> &
  ({ items: ExportItem[] } | { snapshotState: Uint8Array });

/** A document's items as an export lists them: in the order they were made. */
export function exportItems(doc: Y.Doc): ExportItem[] {
  return withStacking(doc, readItems(doc)).sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

/** A snapshot's items, read from its stored state (Yjs update V2). */
export function snapshotItems(state: Uint8Array): ExportItem[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    return exportItems(doc);
  } finally {
    doc.destroy();
  }
}

/** The BoardExport a source stands for; `readSnapshot` reads a snapshot's items (it may cache). */
export function completeExport(
  source: ExportSource,
  readSnapshot: (state: Uint8Array, snapshotId: string) => ExportItem[] = snapshotItems,
): BoardExport {
  if ('items' in source) return source;
  const { snapshotState, ...rest } = source;
  return { ...rest, items: readSnapshot(snapshotState, rest.snapshot?.id ?? '') };
}
