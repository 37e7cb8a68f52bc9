/**
 * A picture of the board as SVG, for slides and reports. Text stays text (selectable,
 * searchable, translatable), nothing from the board can become markup, and the viewBox fits
 * every item with a margin. Stroke points are board coordinates, like every item's x and y.
 */
import { CONCEPT_FIELDS, type Item } from '../../../shared/board-document.ts';
import type { BoardExport } from '../../../shared/follow-through.ts';
import {
  type Box,
  boundsOf,
  type ConceptItem,
  centreOf,
  type FrameItem,
  itemLabel,
  type NoteItem,
  strokePoints,
} from './board-model.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { luminance, num, safeColor, textColorOn, wrapText, xml } from './svg-text.ts';

const MARGIN = 40;
const EMPTY_BOARD = { x: 0, y: 0, w: 800, h: 600 };
/** Rough average glyph width of a sans-serif font, as a share of its size: for wrapping. */
const GLYPH = 0.55;
const PAD = 12;
const INK = '#57606a';

export function toSvg(model: BoardExport): string {
  const labels = labelsFor(model.board.language);
  // A stock client may write a negative size: drawn as nothing, not as an invalid rect.
  const items = model.items.map((item) =>
    item.type === 'connector' || (item.w >= 0 && item.h >= 0)
      ? item
      : { ...item, w: Math.max(0, item.w), h: Math.max(0, item.h) },
  );
  const view = viewBox(items);
  const frames = items
    .filter((item): item is FrameItem => item.type === 'frame')
    // Big frames first, so a frame inside another is drawn on top of it.
    .sort((a, b) => b.w * b.h - a.w * a.h);
  const cards = items
    .filter((item) => item.type === 'note' || item.type === 'text' || item.type === 'concept')
    .sort((a, b) => a.createdAt - b.createdAt);
  const body = [
    `<rect x="${num(view.x)}" y="${num(view.y)}" width="${num(view.w)}" height="${num(view.h)}" fill="#ffffff"/>`,
    ...frames.map(frame),
    ...connectors(items),
    ...cards.map((item) => card(item, labels)),
    ...items.map((item) => (item.type === 'stroke' ? stroke(item) : '')).filter(Boolean),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}" width="${num(view.w)}" height="${num(view.h)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" role="img">`,
    `<title>${xml(model.board.title)}</title>`,
    `<desc>${xml(`${labels.exported} ${model.exportedAt}`)}</desc>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function boxOf(item: Item): Box | null {
  if (item.type === 'connector') return null;
  if (item.type === 'stroke') return boundsOf(strokePoints(item.points));
  if (![item.x, item.y, item.w, item.h].every(Number.isFinite)) return null;
  return { x: item.x, y: item.y, w: item.w, h: item.h };
}

function viewBox(items: readonly Item[]): Box {
  const boxes = items.map(boxOf).filter((box): box is Box => box !== null);
  const bounds = boundsOf(boxes);
  if (!bounds) return EMPTY_BOARD;
  return {
    x: bounds.x - MARGIN,
    y: bounds.y - MARGIN,
    w: bounds.w + 2 * MARGIN,
    h: bounds.h + 2 * MARGIN,
  };
}

/** A <text> of wrapped lines, one <tspan> each, starting with its first baseline at `top`. */
function textBlock(
  lines: readonly string[],
  x: number,
  top: number,
  size: number,
  fill: string,
  weight?: 'bold',
): string {
  const lineHeight = size * 1.25;
  const spans = lines.map(
    (line, i) =>
      `<tspan x="${num(x)}" y="${num(top + size + i * lineHeight)}">${xml(line)}</tspan>`,
  );
  const bold = weight ? ` font-weight="${weight}"` : '';
  return `<text font-size="${num(size)}" fill="${fill}"${bold} xml:space="preserve">${spans.join('')}</text>`;
}

/** How many lines of `size` fit in `height`, and how many characters in `width`. */
function capacity(width: number, height: number, size: number): [chars: number, lines: number] {
  return [
    Math.max(1, Math.floor(width / (size * GLYPH))),
    Math.max(0, Math.floor(height / (size * 1.25))),
  ];
}

function frame(item: FrameItem): string {
  const fill = safeColor(item.color, '#f8f9fa');
  const [chars] = capacity(item.w - 2 * PAD, 24, 20);
  return [
    `<g data-item="${xml(item.id)}">`,
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="8" fill="${fill}" stroke="#8c959f" stroke-width="2"/>`,
    textBlock(
      wrapText(item.title, chars, 1),
      item.x + PAD,
      item.y + 8,
      20,
      textColorOn(fill),
      'bold',
    ),
    '</g>',
  ].join('');
}

function card(item: Item, labels: ExportLabels): string {
  if (item.type === 'concept') return concept(item, labels);
  if (item.type === 'note' || item.type === 'text') return note(item);
  return '';
}

function note(item: NoteItem): string {
  const isNote = item.type === 'note';
  const size = isNote ? 16 : 18;
  const fill = safeColor(item.color, '#fff3a3');
  const [chars, lines] = capacity(item.w - 2 * PAD, item.h - 2 * PAD, size);
  // Text items have no paper of their own: their text sits on whatever is behind them.
  const background = isNote
    ? `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="4" fill="${fill}" stroke="#d0d7de"/>`
    : '';
  const color = isNote ? textColorOn(fill) : '#1f2328';
  return [
    `<g data-item="${xml(item.id)}">`,
    background,
    textBlock(
      wrapText(item.text, chars, Math.max(1, lines)),
      item.x + PAD,
      item.y + PAD,
      size,
      color,
    ),
    '</g>',
  ].join('');
}

/** Title, then each field's label and value, as far down as the card has room. */
function concept(item: ConceptItem, labels: ExportLabels): string {
  const fill = safeColor(item.color, '#ffffff');
  const ink = textColorOn(fill);
  const parts = [
    `<g data-item="${xml(item.id)}">`,
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="6" fill="${fill}" stroke="#57606a" stroke-width="1.5"/>`,
  ];
  const left = item.x + PAD;
  const bottom = item.y + item.h - PAD;
  let top = item.y + PAD;
  const add = (text: string, size: number, maxLines: number, weight?: 'bold') => {
    const [chars, fits] = capacity(item.w - 2 * PAD, bottom - top, size);
    const lines = wrapText(text, chars, Math.min(maxLines, fits));
    if (lines.length === 0) return false;
    parts.push(textBlock(lines, left, top, size, ink, weight));
    top += lines.length * size * 1.25;
    return true;
  };
  add(itemLabel(item) || labels.untitled, 18, 2, 'bold');
  top += 6;
  for (const field of CONCEPT_FIELDS) {
    if (!add(labels.conceptFields[field], 11, 1, 'bold')) break;
    if (!add(item.fields[field]?.trim() || '—', 13, 3)) break;
    top += 4;
  }
  if (item.text.trim()) add(item.text, 13, 4);
  parts.push('</g>');
  return parts.join('');
}

/** A pale line vanishes on the white page: such ink is drawn grey instead. */
function ink(color: string): string {
  const safe = safeColor(color, INK);
  return luminance(safe) > 0.8 ? INK : safe;
}

function stroke(item: Extract<Item, { type: 'stroke' }>): string {
  const points = strokePoints(item.points);
  const color = ink(item.color);
  const [first] = points;
  if (!first) return '';
  if (points.length === 1) {
    return `<circle data-item="${xml(item.id)}" cx="${num(first.x)}" cy="${num(first.y)}" r="1.5" fill="${color}"/>`;
  }
  const list = points.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
  return `<polyline data-item="${xml(item.id)}" points="${list}" fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** Lines between the centres of the items a connector joins; one with a missing end is skipped. */
function connectors(items: readonly Item[]): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const lines: string[] = [];
  for (const item of items) {
    if (item.type !== 'connector') continue;
    const fromItem = byId.get(item.from);
    const toItem = byId.get(item.to);
    const from = fromItem ? centreOf(fromItem) : null;
    const to = toItem ? centreOf(toItem) : null;
    if (!from || !to) continue;
    lines.push(
      `<line data-item="${xml(item.id)}" x1="${num(from.x)}" y1="${num(from.y)}" x2="${num(to.x)}" y2="${num(to.y)}" stroke="${ink(item.color)}" stroke-width="2"/>`,
    );
  }
  return lines;
}
