/**
 * Which frame an item belongs to, the way people see the board. The exports group a report and
 * a spreadsheet by it and the outline lists a board's frames by it, so a note is under the same
 * frame in all of them. (Which items a voting round's frame holds is a rule of its own,
 * `insideFrame` in facilitation.ts.)
 */
import type { Item } from './board-document.ts';
import { byDrawingOrder, type StackedItem } from './drawing-order.ts';
import { boxOf, centre, contains, containsBox } from './geometry.ts';

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
 */
export function frameLookup(items: readonly StackedItem[]): (item: Item) => FrameItem | null {
  const frames = items.filter((item): item is FrameItem & StackedItem => item.type === 'frame');
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  // Top first, so the first match is the one on top.
  const topFirst = [...frames].sort(byDrawingOrder).reverse();
  const below = new Map(topFirst.map((frame, index) => [frame.id, topFirst.slice(index + 1)]));
  return (item) => {
    const parent = item.parent === undefined ? undefined : byId.get(item.parent);
    if (parent && parent.id !== item.id) return parent;
    const box = boxOf(item);
    if (!box) return null;
    if (item.type === 'frame') {
      const under = below.get(item.id) ?? topFirst.filter((frame) => frame.id !== item.id);
      return under.find((frame) => containsBox(frame, box)) ?? null;
    }
    const middle = centre(box);
    return topFirst.find((frame) => frame.id !== item.id && contains(frame, middle)) ?? null;
  };
}
