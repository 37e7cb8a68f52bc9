/**
 * The board in reading order, one item after another: how Tab walks the canvas (the DOM keeps
 * the drawing order, which stacking needs). Frames, and items in no frame, are read row by row;
 * each frame is followed by what it holds, read the same way, a journey lane stage by stage as
 * the outline and the report read it (frame-columns.ts). Which frame holds an item is
 * frameLookup's answer, the one the outline and the exports give.
 */
import type { Item } from './board-document.ts';
import type { StackedItem } from './drawing-order.ts';
import { columnOf, type FrameColumn, frameColumnsLookup } from './frame-columns.ts';
import { frameLookup } from './frame-lookup.ts';

/**
 * `items` in reading order: rows top to bottom (inRows), each frame followed by the items it
 * holds. An item whose frames hold each other round in a circle (only a foreign client's bad
 * `parent`s) is read after the rest, as if in no frame.
 */
export function readingOrder<T extends StackedItem>(items: readonly T[]): T[] {
  const frameOf = frameLookup(items);
  const columnsOf = frameColumnsLookup(items);
  const held = new Map<string | null, T[]>();
  for (const item of items) {
    const key = frameOf(item)?.id ?? null;
    const list = held.get(key);
    if (list) list.push(item);
    else held.set(key, [item]);
  }
  const out: T[] = [];
  const read = new Set<T>();
  const readOut = (item: T) => {
    if (read.has(item)) return;
    read.add(item);
    out.push(item);
    if (item.type !== 'frame') return;
    for (const inside of byStages(held.get(item.id) ?? [], columnsOf(item))) readOut(inside);
  };
  for (const item of inRows(held.get(null) ?? [])) readOut(item);
  if (out.length < items.length) {
    for (const item of inRows(items.filter((item) => !read.has(item)))) readOut(item);
  }
  return out;
}

/** A lane's items stage by stage (its columns, left to right), each stage in rows. */
function byStages<T extends Item>(items: readonly T[], columns: readonly FrameColumn[]): T[] {
  if (columns.length === 0) return inRows(items);
  const stages = columns.map((): T[] => []);
  for (const item of items) stages[columnOf(columns, item)?.index ?? 0]!.push(item);
  return stages.flatMap(inRows);
}

/**
 * Items in rows, top to bottom, each row left to right. A row starts at the highest item not
 * yet placed; an item is in it when its height and the row's first item's overlap by at least
 * half the shorter of the two. Notes put side by side by hand are never at quite the same
 * height, and a plain top-then-left sort would read the one a little higher first wherever it
 * is; a note only grazing the row above (a stage's notes stacked close) starts a row of its own.
 * Measuring against the row's first item, not the row so far, keeps a staircase of notes from
 * running together into one row.
 */
export function inRows<T extends Item>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => top(a) - top(b) || byLeft(a, b));
  const rows: T[][] = [];
  let first: T | null = null;
  for (const item of sorted) {
    if (first && sameRow(first, item)) rows.at(-1)!.push(item);
    else {
      first = item;
      rows.push([item]);
    }
  }
  return rows.flatMap((row) => row.sort(byLeft));
}

function sameRow(a: Item, b: Item): boolean {
  const overlap = Math.min(bottom(a), bottom(b)) - Math.max(top(a), top(b));
  const shorter = Math.min(height(a), height(b));
  return overlap > 0 && overlap * 2 >= shorter;
}

// A coordinate that is not a number (a foreign client's) reads as far below and right: last.
const finite = (value: number) => (Number.isFinite(value) ? value : Number.POSITIVE_INFINITY);
const top = (item: Item) => finite(item.y);
const height = (item: Item) => (Number.isFinite(item.h) ? Math.max(0, item.h) : 0);
const bottom = (item: Item) => top(item) + height(item);

function byLeft(a: Item, b: Item): number {
  const dx = finite(a.x) - finite(b.x);
  if (dx < 0 || dx > 0) return dx;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
