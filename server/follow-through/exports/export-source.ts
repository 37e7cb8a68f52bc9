/**
 * What an export is built from: everything a BoardExport holds but its items, and either the
 * items themselves (the live board, read where its document lives) or, for a snapshot, nothing:
 * its stored state is read from the database and into a document of its own where the export is
 * rendered (the export thread), so that a version's preview does not hold the event loop while
 * SQLite reads a megabyte and Yjs integrates it.
 */
import * as Y from 'yjs';
import { readItems } from '../../../shared/board-document.ts';
import { withStacking } from '../../../shared/drawing-order.ts';
import type { BoardExport, ExportItem } from '../../../shared/follow-through.ts';

type SnapshotRef = NonNullable<BoardExport['snapshot']>;

type Common = Omit<BoardExport, 'items' | 'snapshot'>;
export type LiveSource = Common & { snapshot: null; items: ExportItem[] };
export type SnapshotSource = Common & { snapshot: SnapshotRef };
export type ExportSource = LiveSource | SnapshotSource;

/** Reads a snapshot's items; each side of the thread has its own (the thread's caches). */
export type SnapshotReader = (boardId: string, snapshotId: string) => ExportItem[];

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

/** The BoardExport a source stands for. */
export function completeExport(source: ExportSource, readSnapshot: SnapshotReader): BoardExport {
  if ('items' in source) return source;
  return { ...source, items: readSnapshot(source.board.id, source.snapshot.id) };
}
