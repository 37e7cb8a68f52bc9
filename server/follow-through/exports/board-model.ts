/**
 * Reading a BoardExport the way every format needs it: who a member id is, reading order. Which
 * frame an item sits in is the board's own rule, shared/frame-lookup.ts, which the outline reads
 * a board by too, as an item's box and words and the order the board draws items in are
 * (shared/geometry.ts, board-document.ts, drawing-order.ts).
 */
import type { Item } from '../../../shared/board-document.ts';
import type { BoardExport, FollowUp } from '../../../shared/follow-through.ts';

export type ConceptItem = Extract<Item, { type: 'concept' }>;
export type NoteItem = Extract<Item, { type: 'note' | 'text' }>;

/** Top-to-bottom, then left-to-right: the order people read a board in. Ids break ties. */
export function byReadingOrder(a: Item, b: Item): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Soonest due date first, undated ones last; otherwise as they came (the order they were made). */
export function byDueDate(a: FollowUp, b: FollowUp): number {
  if (a.due === b.due) return 0;
  if (a.due === undefined) return 1;
  if (b.due === undefined) return -1;
  return a.due < b.due ? -1 : 1;
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
