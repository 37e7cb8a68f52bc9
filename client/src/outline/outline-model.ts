/**
 * The outline's reading of the board: frames in reading order with their items, the items
 * outside any frame, where a note added from the outline goes, and text edits as small
 * Y.Text changes (so two people editing one note merge instead of overwriting each other).
 */
import * as Y from 'yjs';
import { type Item, type ItemMap, itemsOf } from '../../../shared/board-document.ts';
import { insideFrame } from '../workshop/round-rules.ts';

/** Items a person reads in the outline; strokes and connectors have no words to read. */
const READABLE = new Set<Item['type']>(['note', 'text', 'concept']);

export interface OutlineSection {
  frame: Item | null;
  items: Item[];
}

const readingOrder = (a: Item, b: Item) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt;

export function outlineSections(items: Item[]): OutlineSection[] {
  const frames = items.filter((item) => item.type === 'frame').sort(readingOrder);
  const frameIds = new Set(frames.map((frame) => frame.id));
  const sections = new Map<string | null, Item[]>([[null, []]]);
  for (const frame of frames) sections.set(frame.id, []);
  for (const item of items) {
    if (!READABLE.has(item.type)) continue;
    let home: string | null = null;
    if (item.parent !== undefined && frameIds.has(item.parent)) home = item.parent;
    else if (item.parent === undefined) {
      home = frames.find((frame) => insideFrame(item, frame))?.id ?? null;
    }
    sections.get(home)?.push(item);
  }
  const result: OutlineSection[] = frames.map((frame) => ({
    frame,
    items: (sections.get(frame.id) ?? []).sort(readingOrder),
  }));
  result.push({ frame: null, items: (sections.get(null) ?? []).sort(readingOrder) });
  return result;
}

const NOTE = 200;
const GAP = 20;

/** A free spot for a new note: the next cell of a grid inside the frame, or below the board. */
export function placeNewNote(
  items: Item[],
  frame: Item | null,
): { x: number; y: number; parent?: string } {
  if (frame) {
    const children = items.filter((item) => item.parent === frame.id).length;
    const columns = Math.max(1, Math.floor((frame.w - GAP) / (NOTE + GAP)));
    const column = children % columns;
    const row = Math.floor(children / columns);
    return {
      x: frame.x + GAP + column * (NOTE + GAP),
      y: frame.y + 60 + row * (NOTE + GAP),
      parent: frame.id,
    };
  }
  const bottom = items.reduce((max, item) => Math.max(max, item.y + item.h), 0);
  const left = items.reduce((min, item) => Math.min(min, item.x), 0);
  return { x: left, y: bottom + 2 * GAP };
}

/** Replaces an item's text with the fewest Y.Text changes: one delete and one insert. */
export function replaceItemText(doc: Y.Doc, itemId: string, next: string): void {
  const map = itemsOf(doc).get(itemId) as ItemMap | undefined;
  if (!map) return;
  const text = map.get('text');
  doc.transact(() => {
    if (!(text instanceof Y.Text)) {
      // A foreign client wrote a plain string: upgrade it to the documented Y.Text.
      map.set('text', new Y.Text(next));
      return;
    }
    const current = text.toString();
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) {
      start++;
    }
    let end = 0;
    while (
      end < current.length - start &&
      end < next.length - start &&
      current[current.length - 1 - end] === next[next.length - 1 - end]
    ) {
      end++;
    }
    const removed = current.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted) text.insert(start, inserted);
  });
}
