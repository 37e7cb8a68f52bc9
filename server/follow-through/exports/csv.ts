/**
 * CSV tables for spreadsheets: the items with their votes per round, the follow-ups, or the
 * concept cards with every field.
 * RFC 4180 (CRLF, quoted fields, doubled quotes), a UTF-8 byte-order mark so Excel reads
 * ä and ö as UTF-8 instead of the local code page, and text cells that a spreadsheet would
 * run as a formula prefixed with an apostrophe. Headers are English and stable for scripts.
 * Fields are separated by commas, or by semicolons for spreadsheets that expect them.
 */

import {
  CONCEPT_FIELDS,
  conceptName,
  type Item,
  itemText,
} from '../../../shared/board-document.ts';
import { FORMULA_START } from '../../../shared/constants.ts';
import type { BoardExport, CsvOptions, CsvSeparator } from '../../../shared/follow-through.ts';
import { columnOf, type FrameColumn, frameColumnsLookup } from '../../../shared/frame-columns.ts';
import { frameLookup } from '../../../shared/frame-lookup.ts';
import { isDefaultRoundTitle } from '../../boards/board-words.ts';
import {
  byReadingOrder,
  type ConceptItem,
  memberNames,
  oneLine,
  ownerName,
} from './board-model.ts';

const SEPARATOR: Record<CsvSeparator, string> = { comma: ',', semicolon: ';' };

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A cell's value: text comes from users and is neutralised; numbers we format stay numbers. */
type Cell = string | number;

function field(cell: Cell, separator: string): string {
  let text: string;
  if (typeof cell === 'number') {
    // A negative coordinate is a number, not a formula; only user text can carry one. Where
    // fields are split by semicolons the decimal mark is a comma (EXPORT.md): there "12.5"
    // would read as text, or as the 12th of May.
    text = Number.isFinite(cell) ? String(cell) : '';
    if (separator === ';') text = text.replace('.', ',');
  } else {
    text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  }
  const quoted = /["\r\n]/.test(text) || text.includes(separator);
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}

function render(rows: readonly (readonly Cell[])[], separator: string): string {
  const line = (row: readonly Cell[]) => row.map((cell) => field(cell, separator)).join(separator);
  return BOM + rows.map((row) => line(row) + CRLF).join('');
}

export function toCsv(
  model: BoardExport,
  { table = 'items', separator = 'comma' }: CsvOptions = {},
): string {
  const rows =
    table === 'followups'
      ? followUpsTable(model)
      : table === 'concepts'
        ? conceptsTable(model)
        : itemsTable(model);
  return render(rows, SEPARATOR[separator]);
}

/**
 * The stage of a customer-journey lane an item lies in: its frame's column heading, as the
 * report and the outline name it; empty outside a frame with columns or under no heading.
 */
function stageLookup(
  items: readonly Item[],
  frameOf: (item: Item) => Item | null,
): (item: Item) => string {
  const columnsOf = frameColumnsLookup(items);
  const columns = new Map<string, FrameColumn[]>();
  return (item) => {
    const frame = item.type === 'frame' ? null : frameOf(item);
    if (!frame) return '';
    if (!columns.has(frame.id)) columns.set(frame.id, columnsOf(frame));
    return columnOf(columns.get(frame.id) ?? [], item)?.name ?? '';
  };
}

function isoOrEmpty(ms: number): string {
  // readItem reports a missing createdAt as 0: say "unknown" rather than 1970.
  if (!(ms > 0)) return '';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The board's closed rounds, numbered among all rounds as the server numbers their default titles ("Round 2"), each with its votes by item. */
function closedRounds(model: BoardExport) {
  const closed = model.rounds
    .map((entry, index) => ({ ...entry, number: index + 1 }))
    .filter((entry) => entry.round.status === 'closed');
  const tallies = closed.map(
    (entry) => new Map(entry.results.map((result) => [result.itemId, result.votes])),
  );
  return { headers: roundHeaders(closed), tallies };
}

function itemsTable(model: BoardExport): Cell[][] {
  const names = memberNames(model);
  const frameOf = frameLookup(model.items);
  const stageOf = stageLookup(model.items, frameOf);
  const { headers, tallies } = closedRounds(model);
  const header: string[] = ['id', 'type', 'frame', 'text', 'author', 'x', 'y', 'color'];
  header.push('created_at', 'stage', ...headers);
  const items = [...model.items].sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = items.map((item) => [
    item.id,
    item.type,
    frameOf(item)?.title ?? '',
    itemText(item),
    (item.author && names.get(item.author)) ?? '',
    item.x,
    item.y,
    item.color,
    isoOrEmpty(item.createdAt),
    stageOf(item),
    ...tallies.map((tally) => tally.get(item.id) ?? 0),
  ]);
  return [header, ...rows];
}

/**
 * "votes: <title>" per closed round: "votes: round N" for one without a title of its own (none,
 * or the server's default "Round N" / "Kierros N"), so the headers stay English and stable; a
 * repeated title gets a number to stay unique.
 */
function roundHeaders(rounds: readonly { round: { title: string }; number: number }[]): string[] {
  const seen = new Set<string>();
  return rounds.map(({ round, number }) => {
    const title = isDefaultRoundTitle(round.title, number) ? '' : oneLine(round.title);
    let header = `votes: ${title || `round ${number}`}`;
    for (let n = 2; seen.has(header); n++) header = `votes: ${title || `round ${number}`} (${n})`;
    seen.add(header);
    return header;
  });
}

/** A concept field's column: its id in snake case (`targetCustomer` is `target_customer`). */
const fieldColumn = (field: string) =>
  field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * One row per concept card, in reading order (as the report lists them): its name, every field
 * in full, its frame and stage, its votes per closed round and its follow-ups' owners, for the
 * organiser's spreadsheet of what the workshop sketched (QA: the items table holds only a name).
 */
function conceptsTable(model: BoardExport): Cell[][] {
  const names = memberNames(model);
  const frameOf = frameLookup(model.items);
  const stageOf = stageLookup(model.items, frameOf);
  const { headers, tallies } = closedRounds(model);
  const header = [
    'id',
    // What the board calls the card: its title, or its Name field (conceptName).
    'concept',
    ...CONCEPT_FIELDS.map(fieldColumn),
    'text',
    'frame',
    'stage',
    'author',
    'created_at',
    'follow_up_owners',
    ...headers,
    'board',
  ];
  const cards = model.items
    .filter((item): item is ConceptItem => item.type === 'concept')
    .sort(byReadingOrder);
  // Each card's follow-up owners, gathered in one pass rather than a pass per card.
  const owners = new Map<string, string[]>();
  for (const followUp of model.followUps) {
    if (followUp.status === 'dropped') continue;
    const list = owners.get(followUp.itemId) ?? [];
    list.push(ownerName(followUp.owner, names));
    owners.set(followUp.itemId, list);
  }
  const rows = cards.map((card) => [
    card.id,
    conceptName(card),
    ...CONCEPT_FIELDS.map((field) => card.fields[field] ?? ''),
    card.text,
    frameOf(card)?.title ?? '',
    stageOf(card),
    (card.author && names.get(card.author)) ?? '',
    isoOrEmpty(card.createdAt),
    (owners.get(card.id) ?? []).filter(Boolean).join('; '),
    ...tallies.map((tally) => tally.get(card.id) ?? 0),
    model.board.title,
  ]);
  return [header, ...rows];
}

function followUpsTable(model: BoardExport): Cell[][] {
  const byId = new Map(model.items.map((item) => [item.id, item]));
  const names = memberNames(model);
  const header = [
    'id',
    'item_id',
    'item_text',
    'title',
    'owner_name',
    'owner_email',
    'due',
    'status',
    'notes',
    'created_at',
    'updated_at',
    // Last, so that the follow-ups of several boards (a team's each) read as one table.
    'board',
  ];
  const rows = model.followUps.map((followUp) => {
    const item = byId.get(followUp.itemId);
    return [
      followUp.id,
      followUp.itemId,
      item ? itemText(item) : '',
      followUp.title,
      ownerName(followUp.owner, names),
      followUp.owner.email ?? '',
      followUp.due ?? '',
      followUp.status,
      followUp.notes ?? '',
      followUp.createdAt,
      followUp.updatedAt,
      model.board.title,
    ];
  });
  return [header, ...rows];
}
