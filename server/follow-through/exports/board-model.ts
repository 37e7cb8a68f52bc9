/**
 * Reading a BoardExport the way every format needs it: which frame an item sits in, what
 * text names an item, who a member id is. Pure functions of the model, shared by the formats
 * so a note lands in the same frame in the report, the spreadsheet and the picture.
 */
import type { Item } from '../../../shared/board-document.ts';
import type { BoardExport, FollowUp } from '../../../shared/follow-through.ts';

export type FrameItem = Extract<Item, { type: 'frame' }>;
export type ConceptItem = Extract<Item, { type: 'concept' }>;
export type NoteItem = Extract<Item, { type: 'note' | 'text' }>;

export interface Point {
  x: number;
  y: number;
}

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

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
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

/** The middle of an item's box; strokes use their points' box; connectors have none. */
export function centreOf(item: Item): Point | null {
  if (item.type === 'connector') return null;
  if (item.type === 'stroke') {
    const box = boundsOf(strokePoints(item.points));
    if (!box) return { x: item.x, y: item.y };
    return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  }
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

function contains(frame: FrameItem, point: Point): boolean {
  return (
    point.x >= frame.x &&
    point.x <= frame.x + frame.w &&
    point.y >= frame.y &&
    point.y <= frame.y + frame.h
  );
}

/**
 * Returns a function telling which frame an item belongs to: the frame named by its `parent`,
 * else the frame its centre lies in. A parent that names no frame of the export (the frame was
 * deleted, or a foreign client wrote a bad id) counts as no parent, so the item still lands
 * where people see it. Nested frames: the innermost (smallest) one wins.
 */
export function frameLookup(items: readonly Item[]): (item: Item) => FrameItem | null {
  const frames = items.filter((item): item is FrameItem => item.type === 'frame');
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  const bySize = [...frames].sort((a, b) => a.w * a.h - b.w * b.h || byReadingOrder(a, b));
  return (item) => {
    const parent = item.parent === undefined ? undefined : byId.get(item.parent);
    if (parent && parent.id !== item.id) return parent;
    const centre = centreOf(item);
    if (!centre) return null;
    return bySize.find((frame) => frame.id !== item.id && contains(frame, centre)) ?? null;
  };
}

/** The words that name an item: a note's text, a frame's or concept's title. */
export function itemLabel(item: Item): string {
  switch (item.type) {
    case 'note':
    case 'text':
      return item.text;
    case 'frame':
      return item.title;
    case 'concept':
      return item.title.trim() || item.fields.name?.trim() || item.text;
    case 'stroke':
    case 'connector':
      return '';
  }
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
