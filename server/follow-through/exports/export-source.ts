/**
 * What an export is built from: everything a BoardExport holds but its items, and the items
 * themselves only where they are in memory already (a board someone has open, read where its
 * document lives). A snapshot's stored state, and the stored document of a board nobody has
 * open, are read from the database and into a document of their own where the export is
 * rendered (the export thread), so that a version's preview, or the organiser's download after
 * everyone has left, does not hold the event loop while SQLite reads a megabyte and Yjs
 * integrates it.
 */
import * as Y from 'yjs';
import { readItems } from '../../../shared/board-document.ts';
import { withStacking } from '../../../shared/drawing-order.ts';
import type { BoardExport, ExportItem } from '../../../shared/follow-through.ts';
import { applyStored } from '../../documents/stored-compaction.ts';
import type { StoredDocument } from '../../store/documents-repository.ts';

type SnapshotRef = NonNullable<BoardExport['snapshot']>;

type Common = Omit<BoardExport, 'items' | 'snapshot'>;
export type LiveSource = Common & { snapshot: null; items: ExportItem[] };
export type SnapshotSource = Common & { snapshot: SnapshotRef };
/** The live board, not loaded: its items are in its stored document. */
export type StoredSource = Common & { snapshot: null };
export type ExportSource = LiveSource | SnapshotSource | StoredSource;

/** Reads the items a source leaves out; each side of the thread has its own (the thread caches). */
export interface ItemsReader {
  snapshot(boardId: string, snapshotId: string): ExportItem[];
  board(boardId: string): ExportItem[];
}

/** A document's items as an export lists them: in the order they were made. */
export function exportItems(doc: Y.Doc): ExportItem[] {
  return withStacking(doc, readItems(doc)).sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

/** A snapshot's items, read from its stored state (Yjs update V2). */
export function snapshotItems(state: Uint8Array): ExportItem[] {
  return itemsIn((doc) => Y.applyUpdateV2(doc, state));
}

/** A board's items, read from its stored document as the board reads it when it opens. */
export function storedItems(stored: StoredDocument): ExportItem[] {
  return itemsIn((doc) => applyStored(doc, stored));
}

function itemsIn(read: (doc: Y.Doc) => void): ExportItem[] {
  const doc = new Y.Doc();
  try {
    read(doc);
    return exportItems(doc);
  } finally {
    doc.destroy();
  }
}

/** The BoardExport a source stands for. */
export function completeExport(source: ExportSource, read: ItemsReader): BoardExport {
  if ('items' in source) return source;
  const { snapshot } = source;
  const items = snapshot
    ? read.snapshot(source.board.id, snapshot.id)
    : read.board(source.board.id);
  return { ...source, snapshot, items };
}
