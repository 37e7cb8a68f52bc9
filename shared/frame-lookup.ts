/**
 * Which frame an item belongs to, the way people see the board. The exports group a report and
 * a spreadsheet by it and the outline lists a board's frames by it, so a note is under the same
 * frame in all of them. (Which items a voting round's frame holds is a rule of its own,
 * `insideFrame` in facilitation.ts.)
 */
import type { Item } from './board-document.ts';
import { DominanceIndex } from './dominance-index.ts';
import { byDrawingOrder, type StackedItem } from './drawing-order.ts';
import { type Box, boxEdges, boxOf, centre, contains } from './geometry.ts';

export type FrameItem = Extract<Item, { type: 'frame' }>;

/**
 * Returns a function telling which frame an item belongs to:
 *
 * - the frame named by its `parent` (the board sets it when an item is dropped in a frame);
 *   a parent that names no frame of `items` (deleted, or a foreign client's bad id) counts
 *   as none;
 * - else, for a frame, the topmost frame drawn below it that holds it wholly: a frame that
 *   only overlaps another, or lies over it, is not inside it;
 * - else, for any other item, the topmost frame its centre lies in: where frames overlap, the
 *   one on top is the one seen (a nested frame is drawn over the frame around it).
 *
 * Connectors belong to no frame.
 *
 * The board's frames are indexed once (shared/dominance-index.ts): an item is answered without a
 * scan of every frame, and no frame keeps a list of those below it (a board of 8,000 frames held
 * 32 million such entries, and an export of it took 40 s; QA).
 */
export function frameLookup(items: readonly StackedItem[]): (item: Item) => FrameItem | null {
  const frames = items.filter((item): item is FrameItem & StackedItem => item.type === 'frame');
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  // Top first, so the first match is the one on top.
  const topFirst = [...frames].sort(byDrawingOrder).reverse();
  // Where a frame lies in topFirst (the lowest, should two share an id): those after it lie below it.
  const place = new Map(topFirst.map((frame, index) => [frame.id, index]));
  const holding = new DominanceIndex(
    topFirst.map((frame, index) => [...boxEdges(frame), -index]),
    topFirst.map((_, index) => index),
  );
  // The topmost frame at or after `from` in topFirst that holds `box` wholly.
  const topmost = (box: Box, from: number) => {
    const found = holding.first([...boxEdges(box), -from]);
    return found === -1 ? null : topFirst[found]!;
  };
  return (item) => {
    const parent = item.parent === undefined ? undefined : byId.get(item.parent);
    if (parent && parent.id !== item.id) return parent;
    const box = boxOf(item);
    if (!box) return null;
    const index = place.get(item.id);
    if (item.type === 'frame') return topmost(box, index === undefined ? 0 : index + 1);
    const middle = centre(box);
    // An item sharing a frame's id (only a foreign client's) is not in that frame.
    if (index !== undefined) {
      return topFirst.find((frame) => frame.id !== item.id && contains(frame, middle)) ?? null;
    }
    return topmost({ ...middle, w: 0, h: 0 }, 0);
  };
}
