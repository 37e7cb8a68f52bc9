/**
 * The board document: the Yjs shape every client reads and writes (SPEC §3).
 *
 *   doc.getMap('items'): item id → Y.Map { type, x, y, w, h, color, createdAt, author?, parent?,
 *                        pinned?, … }
 *   doc.getMap('meta'):  { schemaVersion, template, language }
 *
 * Any Yjs client may add items directly; these accessors are a convenience, not a gate, so
 * readItem() tolerates what a foreign client wrote and reports what it cannot use.
 */
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';

export const SCHEMA_VERSION = 1;

export const ITEM_TYPES = ['note', 'text', 'frame', 'concept', 'stroke', 'connector'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** A concept card's structured fields, in the order a service-concept sketch reads. */
export const CONCEPT_FIELDS = [
  'name',
  'targetCustomer',
  'customerNeed',
  'serviceIdea',
  'touchpoints',
  'customerValue',
  'organisationValue',
  'firstStep',
] as const;
export type ConceptField = (typeof CONCEPT_FIELDS)[number];

export type ItemMap = Y.Map<unknown>;

export const NOTE_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#bde0fe', '#ffc6ff', '#e9ecef'];

interface ItemBase {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  createdAt: number;
  author?: string;
  parent?: string;
  /** Fixed in place: only a facilitator changes it (see isPinned). */
  pinned?: true;
}

/** A plain snapshot of one item, as exports and server rules see it. */
export type Item =
  | (ItemBase & { type: 'note' | 'text'; text: string })
  | (ItemBase & {
      type: 'frame';
      title: string;
      /** Where lines divide the frame into columns (a journey lane's stages): x from its left. */
      columns?: number[];
    })
  | (ItemBase & {
      type: 'concept';
      title: string;
      text: string;
      fields: Partial<Record<ConceptField, string>>;
    })
  | (ItemBase & { type: 'stroke'; points: number[] })
  | (ItemBase & { type: 'connector'; from: string; to: string });

/**
 * The board's items by id. Typed as item maps for those who write them; a stock client may put
 * anything under a key, so whoever reads every entry goes through forEachItemMap.
 */
export function itemsOf(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>('items');
}

/** Calls `each` for every entry of the board's items that is a map: nothing else is an item. */
export function forEachItemMap(doc: Y.Doc, each: (map: ItemMap, id: string) => void): void {
  itemsOf(doc).forEach((map, id) => {
    if (map instanceof Y.Map) each(map, id);
  });
}

/**
 * A concept's fields map, for writing into (inside a transaction): where a foreign client left
 * it out, or wrote something else, the documented map is put in its place.
 */
export function conceptFieldsOf(map: ItemMap): Y.Map<unknown> {
  const fields = map.get('fields');
  if (fields instanceof Y.Map) return fields;
  const made = new Y.Map<unknown>();
  map.set('fields', made);
  return made;
}

/**
 * Whether an item is pinned: a template's scaffolding (a journey's title, stages and lanes), or
 * whatever a facilitator pinned. Only a facilitator changes, deletes, pins or unpins one (the
 * server refuses anyone else's change: server/documents/pinned-item.ts). Only `true` pins, so
 * an item a stock client writes without the key stays as free as it always was.
 */
export function isPinned(map: unknown): boolean {
  return map instanceof Y.Map && map.get('pinned') === true;
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

const num = (value: unknown, fallback = 0): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const str = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : fallback;
const optionalStr = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

function isItemType(value: unknown): value is ItemType {
  return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value);
}

/** What an item is and where it lies, without its content: enough to check a vote's target. */
export interface ItemPlacement {
  type: ItemType;
  x: number;
  y: number;
  w: number;
  h: number;
  parent?: string;
}

/** An item's placement, or null where readItem would find no item; reads no text. */
export function readPlacement(map: unknown): ItemPlacement | null {
  if (!(map instanceof Y.Map)) return null;
  const type = map.get('type');
  if (!isItemType(type)) return null;
  const placement: ItemPlacement = {
    type,
    x: num(map.get('x')),
    y: num(map.get('y')),
    w: num(map.get('w'), 200),
    h: num(map.get('h'), 200),
  };
  const parent = optionalStr(map.get('parent'));
  if (parent) placement.parent = parent;
  return placement;
}

/**
 * A stroke's points as x, y pairs of finite numbers: a pair with anything else in it (a stock
 * client's NaN, a string) is left out whole, so the pairs after it stay pairs (QA: NaN went
 * into the JSON export as null, which its schema refuses).
 */
function strokePoints(raw: unknown): number[] {
  if (!Array.isArray(raw)) return [];
  const points: number[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const x = raw[i];
    const y = raw[i + 1];
    if (Number.isFinite(x) && Number.isFinite(y)) points.push(x, y);
  }
  return points;
}

/** Reads one item into a plain object; null when it is not an item this schema knows. */
export function readItem(id: string, map: unknown): Item | null {
  // A stock client may write any key: an empty one names nothing.
  if (id === '') return null;
  const placement = readPlacement(map);
  if (!placement || !(map instanceof Y.Map)) return null;
  const { type, parent, ...box } = placement;
  const base: ItemBase = {
    id,
    ...box,
    color: str(map.get('color'), NOTE_COLORS[0]),
    createdAt: num(map.get('createdAt')),
  };
  const author = optionalStr(map.get('author'));
  if (author) base.author = author;
  if (parent) base.parent = parent;
  if (isPinned(map)) base.pinned = true;
  switch (type) {
    case 'note':
    case 'text':
      return { ...base, type, text: str(map.get('text')) };
    case 'frame': {
      const frame: Item = { ...base, type, title: str(map.get('title')) };
      const columns = readColumns(map.get('columns'), base.w);
      if (columns.length > 0) frame.columns = columns;
      return frame;
    }
    case 'concept': {
      const fields: Partial<Record<ConceptField, string>> = {};
      const raw = map.get('fields');
      if (raw instanceof Y.Map) {
        for (const field of CONCEPT_FIELDS) {
          const value = raw.get(field);
          if (value !== undefined) fields[field] = str(value);
        }
      }
      return { ...base, type, title: str(map.get('title')), text: str(map.get('text')), fields };
    }
    case 'stroke': {
      return { ...base, type, points: strokePoints(map.get('points')) };
    }
    case 'connector':
      return { ...base, type, from: str(map.get('from')), to: str(map.get('to')) };
  }
}

/**
 * The most column lines a frame is read with. A journey lane has a handful; a stock client may
 * write any number, and every export and the outline read a lane column by column (QA: a lane of
 * 160,000 lines).
 */
export const MAX_COLUMNS = 64;

/**
 * A frame's column lines: numbers inside its width, in order, the leftmost MAX_COLUMNS of them;
 * anything else is left out.
 */
function readColumns(raw: unknown, width: number): number[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0 && x < width)
    .sort((a, b) => a - b)
    .slice(0, MAX_COLUMNS);
}

/** The title a new concept card is given (its templates, the concept tool), by language. */
export const NEW_CONCEPT_TITLE = { en: 'New service concept', fi: 'Uusi palvelukonseptiaihio' };

const NEW_CONCEPT_TITLES: ReadonlySet<string> = new Set(Object.values(NEW_CONCEPT_TITLE));

/**
 * A concept card's name: its title, else its name field; '' when neither has words. A title
 * left as the card was made ("New service concept") gives way to a name field with words: a
 * team that filled in only the Name field had every concept called "New service concept" in
 * the results, the follow-ups and the exports, and could not tell the winner (QA).
 */
export function conceptName(item: Extract<Item, { type: 'concept' }>): string {
  const title = item.title.trim();
  const name = item.fields.name?.trim() ?? '';
  if (name !== '' && NEW_CONCEPT_TITLES.has(title)) return name;
  return title || name;
}

/**
 * The fields a concept card shows, in order: all eight, but the Name field only where it has
 * words. The card's title is its name: a new card that showed an empty Name field under it
 * asked for the name twice (QA). One that a stock client or an older board filled in still
 * shows, so nothing anyone wrote is hidden. The document keeps all eight either way.
 */
export function shownConceptFields(item: Extract<Item, { type: 'concept' }>): ConceptField[] {
  const named = (item.fields.name?.trim() ?? '') !== '';
  return CONCEPT_FIELDS.filter((field) => field !== 'name' || named);
}

/**
 * An item's words in full (every line): a note's or text item's text, a frame's title, a
 * concept's name or else its text; '' for strokes and connectors. Exports print this.
 */
export function itemText(item: Item): string {
  switch (item.type) {
    case 'note':
    case 'text':
      return item.text;
    case 'frame':
      return item.title;
    case 'concept':
      return conceptName(item) || item.text;
    case 'stroke':
    case 'connector':
      return '';
  }
}

/**
 * What a person calls an item in a list: the first line of its words that has any, trimmed;
 * '' when it has none (each caller says "untitled" its own way).
 */
export function itemLabel(item: Item | undefined | null): string {
  if (!item) return '';
  return itemText(item).trim().split('\n')[0]?.trim() ?? '';
}

/**
 * `text` cut to at most `max` UTF-16 units, ending in "…" where it was cut, and never inside a
 * character written as two units (an emoji, say): half of one is not text.
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Every readable item of a board, in no particular order. */
export function readItems(doc: Y.Doc): Item[] {
  const items: Item[] = [];
  forEachItemMap(doc, (map, id) => {
    const item = readItem(id, map);
    if (item) items.push(item);
  });
  return items;
}

export interface NewItem {
  type: ItemType;
  x: number;
  y: number;
  w?: number;
  h?: number;
  color?: string;
  author?: string;
  parent?: string;
  text?: string;
  title?: string;
  fields?: Partial<Record<ConceptField, string>>;
  points?: number[];
  /** When it was made (ms); now by this machine's clock unless the caller knows better. */
  createdAt?: number;
  columns?: number[];
  from?: string;
  to?: string;
  pinned?: boolean;
}

/** An item's width and height where whoever makes it gives none. */
export const DEFAULT_SIZE: Readonly<Record<ItemType, readonly [number, number]>> = {
  note: [200, 200],
  text: [240, 60],
  frame: [800, 600],
  concept: [420, 560],
  stroke: [0, 0],
  connector: [0, 0],
};

/** Builds an item's Y.Map in the documented shape and adds it; returns the new item id. */
export function addItem(doc: Y.Doc, init: NewItem, id: string = uuidv7()): string {
  const map: ItemMap = new Y.Map();
  const [w, h] = DEFAULT_SIZE[init.type];
  map.set('type', init.type);
  map.set('x', init.x);
  map.set('y', init.y);
  map.set('w', init.w ?? w);
  map.set('h', init.h ?? h);
  map.set('color', init.color ?? (init.type === 'frame' ? '#f8f9fa' : NOTE_COLORS[0]));
  map.set('createdAt', init.createdAt ?? Date.now());
  if (init.author) map.set('author', init.author);
  if (init.parent) map.set('parent', init.parent);
  if (init.pinned) map.set('pinned', true);
  if (init.type === 'note' || init.type === 'text' || init.type === 'concept') {
    map.set('text', new Y.Text(init.text ?? ''));
  }
  if (init.type === 'frame' || init.type === 'concept') map.set('title', init.title ?? '');
  if (init.type === 'frame' && init.columns) map.set('columns', init.columns);
  if (init.type === 'concept') {
    const fields = new Y.Map<Y.Text>();
    for (const field of CONCEPT_FIELDS) fields.set(field, new Y.Text(init.fields?.[field] ?? ''));
    map.set('fields', fields);
  }
  if (init.type === 'stroke') map.set('points', init.points ?? []);
  if (init.type === 'connector') {
    map.set('from', init.from ?? '');
    map.set('to', init.to ?? '');
  }
  itemsOf(doc).set(id, map);
  return id;
}

/** A deep copy of an item that can be added to another document (reveals, restores). */
export function cloneItem(source: ItemMap): ItemMap {
  const copy: ItemMap = new Y.Map();
  for (const [key, value] of source.entries()) copy.set(key, cloneValue(value));
  return copy;
}

/**
 * A copy of any value a Yjs map can hold, fit for another document: shared types are copied
 * (a type can live in one document only), plain values are taken as they are.
 */
export function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (value instanceof Y.Map) return cloneItem(value as ItemMap);
  if (value instanceof Y.Array) {
    const array = new Y.Array<unknown>();
    array.push(value.toArray().map(cloneValue));
    return array;
  }
  // Any other shared type a stock client may write (an XML fragment, say).
  if (value instanceof Y.AbstractType) return value.clone();
  return value;
}
