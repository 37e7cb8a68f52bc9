/**
 * Reading a BoardExport the way every format needs it: an item's box, which frame an item sits
 * in, who a member id is. Pure functions of the model, shared by the formats so a note lands in
 * the same frame in the report, the spreadsheet and the picture. What an item says, and the
 * order the board draws items in, are the board's own (shared/board-document.ts, drawing-order.ts).
 */
import type { Item } from '../../../shared/board-document.ts';
import { byDrawingOrder } from '../../../shared/drawing-order.ts';
import type { BoardExport, ExportItem, FollowUp } from '../../../shared/follow-through.ts';
import { type Box, centre, type Point } from '../../../shared/geometry.ts';

export type FrameItem = Extract<Item, { type: 'frame' }>;
export type ConceptItem = Extract<Item, { type: 'concept' }>;
export type NoteItem = Extract<Item, { type: 'note' | 'text' }>;

/** Top-to-bottom, then left-to-right: the order people read a board in. Ids break ties. */
export function byReadingOrder(a: Item, b: Item): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Points of a stroke as pairs; a trailing odd number or a non-finite one is dropped. */
export function strokePoints(points: readonly number[]): Point[] {
  const pairs: Point[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) pairs.push({ x, y });
  }
  return pairs;
}

/**
 * The box around boxes (a point is a box without size); null for none. A loop, not
 * Math.min(...): a stroke may have more points than a call can take arguments.
 */
export function boundsOf(boxes: readonly (Point & Partial<Box>)[]): Box | null {
  if (boxes.length === 0) return null;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { x, y, w = 0, h = 0 } of boxes) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * An item's box: a stroke's is its points' (a foreign client may not keep x/y/w/h current);
 * a connector, a stroke without points or a box not made of numbers has none.
 */
export function boxOf(item: Item): Box | null {
  if (item.type === 'connector') return null;
  if (item.type === 'stroke') return boundsOf(strokePoints(item.points));
  if (![item.x, item.y, item.w, item.h].every(Number.isFinite)) return null;
  return { x: item.x, y: item.y, w: item.w, h: item.h };
}

function containsPoint(frame: FrameItem, point: Point): boolean {
  return (
    point.x >= frame.x &&
    point.x <= frame.x + frame.w &&
    point.y >= frame.y &&
    point.y <= frame.y + frame.h
  );
}

function containsBox(frame: FrameItem, box: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.w <= frame.x + frame.w &&
    box.y + box.h <= frame.y + frame.h
  );
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
    if (item.type === 'frame') {
      const box = { x: item.x, y: item.y, w: Math.max(0, item.w), h: Math.max(0, item.h) };
      const under = below.get(item.id) ?? topFirst.filter((frame) => frame.id !== item.id);
      return under.find((frame) => containsBox(frame, box)) ?? null;
    }
    const box = boxOf(item);
    if (!box) return null;
    const middle = centre(box);
    return topFirst.find((frame) => frame.id !== item.id && containsPoint(frame, middle)) ?? null;
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
