/**
 * Copy and paste of items as JSON, within a board and across boards: kept in memory for this
 * tab and put on the system clipboard (copy/paste events need no permission prompt) under its
 * own type, with the items' words as plain text for every other program (QA: an e-mail got the
 * JSON). Pasted items get new ids; parents and connector ends that were copied along are
 * re-pointed. Plain text pasted from elsewhere (a list from a chat or a spreadsheet) becomes notes.
 */
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import {
  CONCEPT_FIELDS,
  type ConceptField,
  DEFAULT_SIZE,
  type ItemMap,
  itemsOf,
  NOTE_COLORS,
} from '../../../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../../../shared/concept-fields.ts';
import { Z_FIELD } from '../../../../shared/drawing-order.ts';
import { serverNow } from '../../sync/server-clock.ts';
import type { BoardModel } from './board-model.ts';

export const CLIPBOARD_MIME = 'application/x-ideamill-items+json';
const MARKER = 'ideamill/items';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Value = Json | { $text: string } | { $map: Record<string, Value> };

type ConceptFieldLabels = Record<ConceptField, string>;

export interface ClipboardPayload {
  kind: typeof MARKER;
  version: 1;
  items: { id: string; fields: Record<string, Value> }[];
}

let memory: ClipboardPayload | null = null;

function encode(value: unknown): Value | undefined {
  if (value instanceof Y.Text) return { $text: value.toString() };
  if (value instanceof Y.Map) {
    const out: Record<string, Value> = {};
    for (const [key, inner] of value.entries()) {
      const encoded = encode(inner);
      if (encoded !== undefined) out[key] = encoded;
    }
    return { $map: out };
  }
  if (value instanceof Y.AbstractType) return undefined;
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
    return value as Json;
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'number' || typeof v === 'string');
  return undefined;
}

function decode(value: Value): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('$text' in value && typeof value.$text === 'string') return new Y.Text(value.$text);
    if ('$map' in value && typeof value.$map === 'object') {
      const map = new Y.Map<unknown>();
      for (const [key, inner] of Object.entries(value.$map as Record<string, Value>)) {
        map.set(key, decode(inner));
      }
      return map;
    }
  }
  return value;
}

/** The selected items plus connectors whose both ends are selected. */
export function copyItems(model: BoardModel, ids: Iterable<string>): ClipboardPayload | null {
  const chosen = new Set(ids);
  for (const l of model.all()) {
    if (l.item.type === 'connector' && chosen.has(l.item.from) && chosen.has(l.item.to)) {
      chosen.add(l.item.id);
    }
  }
  const items: ClipboardPayload['items'] = [];
  for (const id of chosen) {
    const map = model.mapOf(id);
    if (!map) continue;
    const fields: Record<string, Value> = {};
    for (const [key, value] of map.entries()) {
      const encoded = encode(value);
      if (encoded !== undefined) fields[key] = encoded;
    }
    items.push({ id, fields });
  }
  if (items.length === 0) return null;
  memory = { kind: MARKER, version: 1, items };
  return memory;
}

const words = (value: Value | undefined) =>
  typeof value === 'string'
    ? value
    : value !== null && typeof value === 'object' && '$text' in value
      ? String(value.$text)
      : '';

/**
 * A concept card's fields that have words, one "Label: words" line each, under the labels the
 * page shows: a card copied into an e-mail gave its title alone (QA).
 */
function conceptLines(fields: Record<string, Value>, labels: ConceptFieldLabels): string[] {
  const inner = fields.fields;
  if (inner === null || typeof inner !== 'object' || !('$map' in inner)) return [];
  const map = inner.$map as Record<string, Value>;
  return CONCEPT_FIELDS.flatMap((field) => {
    const said = words(map[field]).trim();
    return said ? [`${labels[field]}: ${said}`] : [];
  });
}

/**
 * The copied items' words for other programs, in reading order, a blank line between items; a
 * concept card's fields under `labels` (the page's language).
 */
export function plainTextOf(
  payload: ClipboardPayload,
  labels: ConceptFieldLabels = CONCEPT_FIELD_LABELS.en,
): string {
  const y = (fields: Record<string, Value>) => Number(fields.y) || 0;
  const x = (fields: Record<string, Value>) => Number(fields.x) || 0;
  return [...payload.items]
    .sort((a, b) => y(a.fields) - y(b.fields) || x(a.fields) - x(b.fields))
    .map(({ fields }) => {
      const concept = fields.type === 'concept' ? conceptLines(fields, labels) : [];
      return [words(fields.title), ...concept, words(fields.text)].filter(Boolean).join('\n');
    })
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * A list item's marker, which a note does not keep (QA: "- Reading lamps for loan"): a bullet
 * or a number with its dot or bracket, then a space; a task list's box too. "-5 °C" keeps its
 * minus, having no space after it.
 */
const LIST_MARKER = /^(?:[-*+•‣◦·–—]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;

/** Notes a paste of plain text makes at most: a pasted book is not a workshop's list. */
const MAX_NOTES_FROM_TEXT = 100;
const NOTE_GAP = 20;
const NOTES_PER_ROW = 5;

/**
 * Notes from text pasted from elsewhere, in rows from (0, 0): one per paragraph where the text
 * has blank lines (a copy of notes, each its own paragraph), else one per line (a list, a
 * spreadsheet's column). Null when there are no words.
 */
export function notesFromText(text: string): ClipboardPayload | null {
  const normal = text.replace(/\r\n?/g, '\n');
  const pieces = (/\n\s*\n/.test(normal) ? normal.split(/\n\s*\n/) : normal.split('\n'))
    .map((piece) => piece.trim().replace(LIST_MARKER, ''))
    .filter((piece) => piece !== '')
    .slice(0, MAX_NOTES_FROM_TEXT);
  if (pieces.length === 0) return null;
  const [w, h] = DEFAULT_SIZE.note;
  return {
    kind: MARKER,
    version: 1,
    items: pieces.map((piece, index) => ({
      id: `pasted-${index}`,
      fields: {
        type: 'note',
        x: (index % NOTES_PER_ROW) * (w + NOTE_GAP),
        y: Math.floor(index / NOTES_PER_ROW) * (h + NOTE_GAP),
        w,
        h,
        color: NOTE_COLORS[0] ?? '#fff3a3',
        text: { $text: piece },
      },
    })),
  };
}

export function lastCopied(): ClipboardPayload | null {
  return memory;
}

export function parsePayload(text: string): ClipboardPayload | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      (parsed as { kind?: unknown }).kind === MARKER &&
      Array.isArray((parsed as { items?: unknown }).items)
    ) {
      return parsed as ClipboardPayload;
    }
  } catch {}
  return null;
}

/**
 * Adds copies shifted by (dx, dy) on top of everything; returns the new ids (not connectors).
 * While silent writing runs, copied notes go to my private document like any new note, and
 * the other items to the shared board unless it is read-only to me (then they are left out):
 * a copy must never publish a private note before the reveal. A connector comes along only
 * when both its ends land on the shared board.
 */
export function pasteItems(
  model: BoardModel,
  payload: ClipboardPayload,
  dx: number,
  dy: number,
  author: string,
  sharedReadOnly: boolean,
): string[] {
  // Time-ordered ids and one millisecond apart, in the payload's order (a pasted list's): the
  // exports list items as they were made, and a list pasted at one instant with random ids
  // came out shuffled (QA: the items CSV).
  const idMap = new Map(payload.items.map((entry) => [entry.id, uuidv7()]));
  const madeAt = serverNow();
  let made = 0;
  const shared = sharedReadOnly ? null : model.doc;
  const placed = new Map<string, Y.Doc>();
  for (const { id, fields } of payload.items) {
    if (typeof fields.type !== 'string' || fields.type === 'connector') continue;
    const doc = fields.type === 'note' && model.writesPrivately ? model.privateDoc : shared;
    if (doc) placed.set(id, doc);
  }
  const onShared = (end: Value | undefined) =>
    shared !== null && placed.get(String(end)) === shared;
  for (const { id, fields } of payload.items) {
    if (fields.type === 'connector' && onShared(fields.from) && onShared(fields.to)) {
      placed.set(id, model.doc);
    }
  }
  const created: string[] = [];
  let z = model.topZ();
  const byDoc = new Map<Y.Doc, [string, ItemMap][]>();
  for (const entry of payload.items) {
    const doc = placed.get(entry.id);
    if (!doc) continue;
    // Adjust the plain fields first: a Y.Map not yet in a document cannot be read back.
    const fields: Record<string, Value> = { ...entry.fields };
    if (typeof fields.x === 'number') fields.x += dx;
    if (typeof fields.y === 'number') fields.y += dy;
    if (Array.isArray(fields.points)) {
      fields.points = fields.points.map((n, i) =>
        typeof n === 'number' ? n + (i % 2 === 0 ? dx : dy) : n,
      );
    }
    if (typeof fields.parent === 'string') {
      if (placed.has(fields.parent)) fields.parent = idMap.get(fields.parent)!;
      else delete fields.parent;
    }
    if (fields.type === 'connector') {
      fields.from = idMap.get(String(fields.from))!;
      fields.to = idMap.get(String(fields.to))!;
    }
    fields.createdAt = madeAt + made++;
    fields.author = author;
    // A copy is its maker's to move: pinned only when a facilitator pins it.
    delete fields.pinned;
    fields[Z_FIELD] = ++z;
    const map: ItemMap = new Y.Map();
    for (const [key, value] of Object.entries(fields)) map.set(key, decode(value));
    const id = idMap.get(entry.id)!;
    const list = byDoc.get(doc) ?? [];
    list.push([id, map]);
    byDoc.set(doc, list);
    if (fields.type !== 'connector') created.push(id);
  }
  for (const [doc, maps] of byDoc) {
    model.edit(doc, () => {
      for (const [id, map] of maps) itemsOf(doc).set(id, map);
    });
  }
  return created;
}
