/**
 * The order the board draws items in, bottom first: by layer (frames, then connectors, then
 * everything else), by `z` within a layer, then oldest first, ids breaking the last ties. The
 * canvas stacks its items so and the SVG export paints them so; where frames overlap, the one
 * drawn last is the one seen, so "which frame is this in" is read in the same order.
 */
import type * as Y from 'yjs';
import { forEachItemMap, type Item, type ItemType, itemsOf } from './board-document.ts';

/**
 * The item field holding its stacking order within its layer (an extra field the schema
 * allows): larger is on top; missing, or anything but a finite number, is 0.
 */
export const Z_FIELD = 'z';

/** What the drawing order reads of an item; `z` as an export carries it (absent is 0). */
export interface Stacked {
  id: string;
  type: ItemType;
  createdAt: number;
  z?: number;
}

/** An item map's `z`: a finite number, else 0. */
export function zOf(map: Y.Map<unknown>): number {
  return finiteOrZero(map.get(Z_FIELD));
}

/** The highest `z` on a board (0 for none): what a new or raised item goes above. */
export function topZ(doc: Y.Doc): number {
  let top = 0;
  forEachItemMap(doc, (map) => {
    top = Math.max(top, zOf(map));
  });
  return top;
}

/** An item with its stacking order, which readItem leaves out (withStacking adds it). */
export type StackedItem = Item & { z?: number };

/**
 * `items` with each one's `z` where the board gave it one other than 0 (readItem leaves it out):
 * what the exports' picture stacks by, and which frame is on top where frames overlap.
 */
export function withStacking<T extends { id: string }>(
  doc: Y.Doc,
  items: readonly T[],
): (T & { z?: number })[] {
  const maps = itemsOf(doc);
  return items.map((item) => {
    const map = maps.get(item.id);
    const z = map ? zOf(map) : 0;
    return z === 0 ? item : { ...item, z };
  });
}

function finiteOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The board's layers, bottom to top: frames, then connectors, then everything else. */
function layerOf(type: ItemType): number {
  return type === 'frame' ? 0 : type === 'connector' ? 1 : 2;
}

/** Sorts bottom first: what `[...items].sort(byDrawingOrder)` draws last is on top. */
export function byDrawingOrder(a: Stacked, b: Stacked): number {
  return (
    layerOf(a.type) - layerOf(b.type) ||
    finiteOrZero(a.z) - finiteOrZero(b.z) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
