/**
 * The outline's reading of the board: frames in reading order with their items, the items
 * outside any frame, where a note added from the outline goes, and saving text edits as small
 * Y.Text changes moved past what others changed meanwhile (text-edit.ts), so two people
 * editing one note, or one concept field, merge instead of overwriting each other.
 */
import * as Y from 'yjs';
import {
  type ConceptField,
  conceptFieldsOf,
  type Item,
  type ItemMap,
  itemsOf,
} from '../../../shared/board-document.ts';
import { byColumns, type FrameColumn, frameColumns } from '../../../shared/frame-columns.ts';
import { type FrameItem, frameLookup } from '../../../shared/frame-lookup.ts';
import type { TextEdit } from './text-edit.ts';

/** Items a person reads in the outline; strokes and connectors have no words to read. */
const READABLE = new Set<Item['type']>(['note', 'text', 'concept']);

export interface OutlineSection {
  frame: Item | null;
  items: Item[];
  /** The frame's columns (a journey lane's stages), which its items are read by; [] if none. */
  columns: FrameColumn[];
}

const readingOrder = (a: Item, b: Item) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt;

/**
 * The board's frames in reading order, then the items in no frame. An item is listed under the
 * frame the exports put it in: `frameOf`, frameLookup over the frames with their `z`
 * (withStacking; where frames overlap or nest, the one on top). The sections hold the objects
 * of `items` themselves, so a memoised row sees the same item until it changes. `first`, the
 * frame an open voting round is limited to, leads: on a phone the lane being voted on is at
 * the top, not somewhere down a long journey map.
 */
export function outlineSections(
  items: Item[],
  first?: string,
  frameOf: (item: Item) => FrameItem | null = frameLookup(items),
): OutlineSection[] {
  const frames = items.filter((item) => item.type === 'frame').sort(readingOrder);
  const sections = new Map<string | null, Item[]>([[null, []]]);
  for (const frame of frames) sections.set(frame.id, []);
  for (const item of items) {
    if (READABLE.has(item.type)) sections.get(frameOf(item)?.id ?? null)?.push(item);
  }
  const result: OutlineSection[] = frames.map((frame) => {
    // A journey lane is read stage by stage, as the report reads it.
    const columns = frameColumns(frame, items);
    return {
      frame,
      items: (sections.get(frame.id) ?? []).sort(byColumns(columns, readingOrder)),
      columns,
    };
  });
  result.push({ frame: null, items: (sections.get(null) ?? []).sort(readingOrder), columns: [] });
  const leading = result.findIndex(
    (section) => section.frame !== null && section.frame.id === first,
  );
  if (leading > 0) result.unshift(...result.splice(leading, 1));
  return result;
}

const NOTE = 200;
const GAP = 20;
/** Room above a note for the frame's title, where the frame is high enough to give it. */
const TITLE_ROOM = 60;
/** A full frame piles new notes this far apart, at most this many deep. */
const PILE_STEP = 24;
const PILE_STEPS = 8;

const overlaps = (x: number, y: number, item: Item) =>
  x < item.x + item.w && x + NOTE > item.x && y < item.y + item.h && y + NOTE > item.y;

/**
 * A free spot for a new note: the first grid cell inside the frame (or below the board) that
 * no known item covers. Private notes cannot see each other's spots, so each writer starts
 * at their own cell (`startCell`) and notes written at the same time rarely land together.
 * In a frame with columns (a journey lane) the grid is laid out within `column`, or else
 * within each column in turn, so a note never lies across a stage line; and a frame too low
 * for a note under its title (a journey lane) has it beside the title, inside the frame. When
 * every cell is taken, the note is piled on one, still inside the frame.
 */
export function placeNewNote(
  items: Item[],
  frame: Item | null,
  startCell = 0,
  column?: Pick<FrameColumn, 'left' | 'right'>,
): { x: number; y: number; parent?: string } {
  const others = items.filter((item) => item.type !== 'frame');
  if (frame) {
    // Any stage will do: the named columns (the stages), not the lane's title column.
    const columns = frameColumns(frame, items);
    const stages = columns.filter((candidate) => candidate.name !== '');
    const spans = column
      ? [column]
      : stages.length > 0
        ? stages
        : columns.length > 0
          ? columns
          : [{ left: frame.x, right: frame.x + frame.w }];
    // Each grid column's left edge, with the right edge of the stage it lies in.
    const lefts = spans.flatMap(({ left, right }) => {
      const fit = Math.max(column ? 1 : 0, Math.floor((right - left - GAP) / (NOTE + GAP)));
      return Array.from({ length: fit }, (_, n) => ({ x: left + GAP + n * (NOTE + GAP), right }));
    });
    if (lefts.length === 0) lefts.push({ x: frame.x + GAP, right: frame.x + frame.w });
    const across = lefts.length;
    const top = Math.min(TITLE_ROOM, Math.max(0, frame.h - NOTE - GAP));
    const rows = Math.max(1, Math.floor((frame.h - top) / (NOTE + GAP)));
    const cells = across * rows;
    const at = (cell: number) => ({
      x: lefts[cell % across]!.x,
      y: frame.y + top + Math.floor(cell / across) * (NOTE + GAP),
    });
    const order = Array.from({ length: cells }, (_, n) => (startCell + n) % cells);
    for (const cell of order) {
      const { x, y } = at(cell);
      if (!others.some((item) => overlaps(x, y, item))) return { x, y, parent: frame.id };
    }
    // Every cell is taken: pile the note on a cell's notes, a step aside, so each one's edge
    // shows, still inside the frame and its stage. Below the frame would be the next journey
    // lane, where everyone would read the note as that lane's.
    for (let step = 1; step <= PILE_STEPS; step++) {
      for (const cell of order) {
        const { x, y } = at(cell);
        const spot = {
          x: Math.max(x, Math.min(x + step * PILE_STEP, lefts[cell % across]!.right - NOTE)),
          y: Math.max(y, Math.min(y + step * PILE_STEP, frame.y + frame.h - NOTE)),
        };
        const taken = others.some(
          (item) =>
            Math.abs(item.x - spot.x) < PILE_STEP / 2 && Math.abs(item.y - spot.y) < PILE_STEP / 2,
        );
        if (!taken) return { ...spot, parent: frame.id };
      }
    }
    return { ...at(order[0]!), parent: frame.id };
  }
  const bottom = items.reduce((max, item) => Math.max(max, item.y + item.h), 0);
  const left = items.reduce((min, item) => Math.min(min, item.x), 0);
  for (let n = 0; n < 50; n++) {
    const cell = startCell + n;
    const x = left + (cell % 5) * (NOTE + GAP);
    const y = bottom + 2 * GAP + Math.floor(cell / 5) * (NOTE + GAP);
    if (!others.some((item) => overlaps(x, y, item))) return { x, y };
  }
  return { x: left, y: bottom + 2 * GAP };
}

/** A small, stable number per member: where their private notes start looking for room. */
export function memberCell(memberId: string, modulo: number): number {
  let hash = 0;
  for (const char of memberId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % Math.max(1, modulo);
}

/** Saves a note's or text item's edit (see text-edit.ts). */
export function saveItemText(doc: Y.Doc, itemId: string, edit: TextEdit, typed: string): void {
  const map = itemsOf(doc).get(itemId) as ItemMap | undefined;
  if (!map) return;
  doc.transact(() => {
    // A foreign client wrote a plain string (or nothing): store the documented Y.Text.
    if (!edit.save(map.get('text'), typed)) map.set('text', new Y.Text(typed));
  });
}

export interface ConceptEdit {
  title?: string;
  /** The fields the person changed: each one's edit and what it now says. */
  fields: Partial<Record<ConceptField, { edit: TextEdit; typed: string }>>;
}

/**
 * Writes what the person changed in a concept, in one transaction: the title (a plain string)
 * and each changed field's Y.Text as a small change. Fields left alone are not written, and
 * what others changed meanwhile survives (text-edit.ts).
 */
export function saveConcept(doc: Y.Doc, itemId: string, edit: ConceptEdit): void {
  const map = itemsOf(doc).get(itemId) as ItemMap | undefined;
  if (!map) return;
  doc.transact(() => {
    if (edit.title !== undefined) map.set('title', edit.title);
    const texts = conceptFieldsOf(map);
    for (const [field, change] of Object.entries(edit.fields)) {
      if (!change.edit.save(texts.get(field), change.typed)) {
        texts.set(field, new Y.Text(change.typed));
      }
    }
  });
}
