/**
 * Reading a BoardExport the way every format needs it: which frame an item sits in, who a member
 * id is. Pure functions of the model, shared by the formats so a note lands in the same frame in
 * the report, the spreadsheet and the picture. An item's box and words, and the order the board
 * draws items in, are the board's own (shared/geometry.ts, board-document.ts, drawing-order.ts).
 */
import type { Item } from '../../../shared/board-document.ts';
import { byDrawingOrder } from '../../../shared/drawing-order.ts';
import type { BoardExport, ExportItem, FollowUp } from '../../../shared/follow-through.ts';
import { boxOf, centre, contains, containsBox } from '../../../shared/geometry.ts';

export type FrameItem = Extract<Item, { type: 'frame' }>;
export type ConceptItem = Extract<Item, { type: 'concept' }>;
export type NoteItem = Extract<Item, { type: 'note' | 'text' }>;

/** Top-to-bottom, then left-to-right: the order people read a board in. Ids break ties. */
export function byReadingOrder(a: Item, b: Item): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Returns a function telling which frame an item belongs to, the way people see the board:
 *
 * - the frame named by its `parent` (the board sets it when an item is dropped in a frame);
 *   a parent that names no frame of the export (deleted, or a foreign client's bad id) counts
 *   as none;
 * - else, for a frame, the topmost frame drawn below it that holds it wholly: a frame that
 *   only overlaps another, or lies over it, is not inside it;
 * - else, for any other item, the topmost frame its centre lies in: where frames overlap, the
 *   one on top is the one seen (a nested frame is drawn over the frame around it).
 *
 * Connectors belong to no frame.
 */
export function frameLookup(items: readonly ExportItem[]): (item: Item) => FrameItem | null {
  const frames = items.filter((item): item is FrameItem & ExportItem => item.type === 'frame');
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

/** Member names by id; an author who is no longer a member simply has no name. */
export function memberNames(model: BoardExport): Map<string, string> {
  return new Map(model.members.map((member) => [member.id, member.name]));
}

/** One line for places a line break would break (table cells, headings, CSV headers). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** 2025-03-14T10:30:00.000Z → "2025-03-14 10:30 UTC"; anything unparsable is shown as given. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A follow-up owner's name: as written, else the member's current name. */
export function ownerName(owner: FollowUp['owner'], names: ReadonlyMap<string, string>): string {
  return owner.name || (owner.memberId ? names.get(owner.memberId) : undefined) || '';
}
