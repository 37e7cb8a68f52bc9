/**
 * The canvas's view of the board: the shared document plus, while silent writing runs, my
 * private document. Item ids are UUIDs, so one id names one item across both. Every edit goes
 * through `edit()` with this canvas's origin, which is what the undo manager tracks: remote
 * changes and other panels' changes never land on my undo stack.
 */
import * as Y from 'yjs';
import {
  forEachItemMap,
  type Item,
  type ItemMap,
  isPinned,
  itemsOf,
  readItem,
} from '../../../../shared/board-document.ts';
import { topZ, zOf } from '../../../../shared/drawing-order.ts';
import { mayEditItem, type WriteAccess } from '../../board/write-access.ts';

export interface Located {
  doc: Y.Doc;
  map: ItemMap;
  item: Item;
  isPrivate: boolean;
}

export class BoardModel {
  readonly origin: object;
  constructor(
    readonly doc: Y.Doc,
    readonly privateDoc: Y.Doc | null,
    /**
     * What I may write now (board/write-access.ts). Asked each time, so a lock does not make a
     * new model (and lose undo history and the view).
     */
    readonly access: () => WriteAccess,
  ) {
    this.origin = { canvas: true };
  }

  /** Whether my new notes go to my private document now (silent writing, not locked). */
  get writesPrivately(): boolean {
    return this.privateDoc !== null && this.access().writesPrivately;
  }

  docs(): Y.Doc[] {
    return this.privateDoc ? [this.doc, this.privateDoc] : [this.doc];
  }

  docOf(id: string): Y.Doc | null {
    if (itemsOf(this.doc).has(id)) return this.doc;
    if (this.privateDoc && itemsOf(this.privateDoc).has(id)) return this.privateDoc;
    return null;
  }

  /** In my private document only: a note revealed with my name is the board's once it is there. */
  isPrivate(id: string): boolean {
    return this.privateDoc !== null && this.docOf(id) === this.privateDoc;
  }

  /**
   * Whether I may change this item. While the shared board is read-only to me (a viewer, a
   * locked board, silent writing for a participant), only my private notes stay mine to edit,
   * and those not while the board is locked. A pinned item is a facilitator's to change.
   */
  mayEdit(id: string): boolean {
    const map = this.mapOf(id);
    return mayEditItem(this.access(), this.isPrivate(id), isPinned(map));
  }

  /** Whether I may pin and unpin items: a facilitator, while the shared board is open to me. */
  get pinsItems(): boolean {
    const access = this.access();
    return access.changesPinned && !access.sharedReadOnly;
  }

  mapOf(id: string): ItemMap | undefined {
    const doc = this.docOf(id);
    return doc ? itemsOf(doc).get(id) : undefined;
  }

  read(id: string): Item | null {
    const map = this.mapOf(id);
    return map ? readItem(id, map) : null;
  }

  locate(id: string): Located | null {
    const doc = this.docOf(id);
    if (!doc) return null;
    const map = itemsOf(doc).get(id);
    const item = map ? readItem(id, map) : null;
    if (!map || !item) return null;
    return { doc, map, item, isPrivate: doc !== this.doc };
  }

  /** Every readable item of both documents. */
  all(): Located[] {
    const out: Located[] = [];
    for (const doc of this.docs()) {
      forEachItemMap(doc, (map, id) => {
        const item = readItem(id, map);
        if (item) out.push({ doc, map, item, isPrivate: doc !== this.doc });
      });
    }
    return out;
  }

  /** One transaction per document touched, each carrying the canvas origin. */
  edit(doc: Y.Doc, change: () => void): void {
    doc.transact(change, this.origin);
  }

  /** Runs `change` for each id inside its own document's transaction. */
  editEach(ids: Iterable<string>, change: (map: ItemMap, id: string, doc: Y.Doc) => void): void {
    const byDoc = new Map<Y.Doc, string[]>();
    for (const id of ids) {
      const doc = this.docOf(id);
      if (!doc) continue;
      const list = byDoc.get(doc) ?? [];
      list.push(id);
      byDoc.set(doc, list);
    }
    for (const [doc, list] of byDoc) {
      this.edit(doc, () => {
        const items = itemsOf(doc);
        for (const id of list) {
          const map = items.get(id);
          if (map) change(map, id, doc);
        }
      });
    }
  }

  /** The highest `z` in use, so a new or raised item goes on top. */
  topZ(): number {
    return Math.max(0, ...this.docs().map(topZ));
  }

  bottomZ(): number {
    let bottom = 0;
    for (const doc of this.docs()) {
      forEachItemMap(doc, (map) => {
        bottom = Math.min(bottom, zOf(map));
      });
    }
    return bottom;
  }
}

export function textOf(map: ItemMap, key = 'text'): Y.Text | null {
  const value = map.get(key);
  return value instanceof Y.Text ? value : null;
}
