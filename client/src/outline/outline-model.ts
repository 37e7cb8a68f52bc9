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
import { byColumns, type FrameColumn, frameColumnsLookup } from '../../../shared/frame-columns.ts';
import { type FrameItem, frameLookup } from '../../../shared/frame-lookup.ts';
import type { RoundTargets } from '../workshop/round-rules.ts';
import type { TextEdit } from './text-edit.ts';

/** Items a person reads in the outline; strokes and connectors have no words to read. */
const READABLE = new Set<Item['type']>(['note', 'text', 'concept']);

export interface OutlineSection {
  frame: Item | null;
  items: Item[];
  /**
   * Its pinned text items, in reading order: a template's labels (a journey's title and stage
   * headings), the board's structure rather than anyone's idea, so not among `items`.
   */
  labels: Item[];
  /** The frame's columns (a journey lane's stages), which its items are read by; [] if none. */
  columns: FrameColumn[];
}

/**
 * Top to bottom, then left to right, as the exports list a frame's notes (board-model.ts's
 * byReadingOrder); not shared/reading-order.ts, whose rows Tab walks on the canvas.
 */
const byPosition = (a: Item, b: Item) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt;

/**
 * The board's frames in reading order, then the items in no frame; pinned text (a template's
 * labels) apart from the items, as each section's `labels`. An item is listed under the
 * frame the exports put it in: `frameOf`, frameLookup over the frames with their `z`
 * (withStacking; where frames overlap or nest, the one on top). The sections hold the objects
 * of `items` themselves, so a memoised row sees the same item until it changes. While a voting
 * round is open (`round`), what it takes votes on leads: the frame it is limited to first, and
 * the sections holding the kinds of item it takes before those without. On a phone the lane
 * being voted on is at the top, not somewhere down a long journey map, and a round of concept
 * cards does not put its three cards under every lane of notes (QA).
 */
export function outlineSections(
  items: Item[],
  round?: RoundTargets,
  frameOf: (item: Item) => FrameItem | null = frameLookup(items),
): OutlineSection[] {
  const frames = items.filter((item) => item.type === 'frame').sort(byPosition);
  const sections = new Map<string | null, Item[]>([[null, []]]);
  const labels = new Map<string | null, Item[]>([[null, []]]);
  for (const frame of frames) {
    sections.set(frame.id, []);
    labels.set(frame.id, []);
  }
  for (const item of items) {
    if (!READABLE.has(item.type)) continue;
    const list = item.type === 'text' && item.pinned ? labels : sections;
    list.get(frameOf(item)?.id ?? null)?.push(item);
  }
  const labelsOf = (frame: string | null) => (labels.get(frame) ?? []).sort(byPosition);
  const columnsOf = frameColumnsLookup(items);
  const result: OutlineSection[] = frames.map((frame) => {
    // A journey lane is read stage by stage, as the report reads it.
    const columns = columnsOf(frame);
    return {
      frame,
      items: (sections.get(frame.id) ?? []).sort(byColumns(columns, byPosition)),
      labels: labelsOf(frame.id),
      columns,
    };
  });
  result.push({
    frame: null,
    items: (sections.get(null) ?? []).sort(byPosition),
    labels: labelsOf(null),
    columns: [],
  });
  if (!round) return result;
  const takes = (section: OutlineSection) =>
    section.items.some((item) => round.itemTypes.includes(item.type));
  const ordered = [...result.filter(takes), ...result.filter((section) => !takes(section))];
  const leading = ordered.findIndex(
    (section) => section.frame !== null && section.frame.id === round.frameId,
  );
  if (leading > 0) ordered.unshift(...ordered.splice(leading, 1));
  return ordered;
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
