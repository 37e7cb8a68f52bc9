/**
 * A picture of the board as SVG, for slides and reports. Text stays text (selectable,
 * searchable, translatable), nothing from the board can become markup, and the viewBox fits
 * every item with a margin. Stroke points are board coordinates, like every item's x and y.
 */
import { type Item, itemText, shownConceptFields } from '../../../shared/board-document.ts';
import { byDrawingOrder } from '../../../shared/drawing-order.ts';
import type { BoardExport } from '../../../shared/follow-through.ts';
import type { FrameItem } from '../../../shared/frame-lookup.ts';
import {
  type Box,
  boundsOf,
  boxOf,
  connectorEnds,
  strokePoints,
} from '../../../shared/geometry.ts';
import type { ConceptItem, NoteItem } from './board-model.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { drawMarks } from './svg-marks.ts';
import { fitText, luminance, num, safeColor, textColorOn, xml } from './svg-text.ts';
import type { Weight } from './text-width.ts';

const MARGIN = 40;
const EMPTY_BOARD = { x: 0, y: 0, w: 800, h: 600 };
const PAD = 12;
const INK = '#57606a';
/** The board's connector line and arrowhead (client/src/canvas: ItemsLayer, canvas.css). */
const CONNECTOR_INK = '#57606a';
const ARROW_ID = 'ideamill-arrow';
const ARROW_MARKER = `<defs><marker id="${ARROW_ID}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${CONNECTOR_INK}"/></marker></defs>`;

const PRINT_STYLE = '<style>@media print { svg { width: 100%; height: auto; } }</style>';

export function toSvg(model: BoardExport): string {
  const labels = labelsFor(model.board.language);
  // A stock client may write a negative size: drawn as nothing, not as an invalid rect.
  const items = model.items.map((item) =>
    item.type === 'connector' || (item.w >= 0 && item.h >= 0)
      ? item
      : { ...item, w: Math.max(0, item.w), h: Math.max(0, item.h) },
  );
  const byId = new Map(items.map((item) => [item.id, item]));
  // The board's own stacking: frames, then connectors, then the rest, each by `z` and age.
  const stacked = [...items].sort(byDrawingOrder);
  const drawn = stacked.map((item) => draw(item, byId, labels));
  // What was decided goes over every item: a note laid on a frame's corner would hide the
  // frame's badge. Marks hang below their item's edge, so the picture takes them in too.
  const marks = drawMarks(model, stacked, labels);
  const view = viewBox(items, marks.boxes);
  const body = [
    `<rect x="${num(view.x)}" y="${num(view.y)}" width="${num(view.w)}" height="${num(view.h)}" fill="#ffffff"/>`,
    ARROW_MARKER,
    ...drawn.filter(Boolean),
    ...marks.layer,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(view.x)} ${num(view.y)} ${num(view.w)} ${num(view.h)}" width="${num(view.w)}" height="${num(view.h)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" role="img">`,
    `<title>${xml(model.board.title)}</title>`,
    `<desc>${xml(`${labels.exported} ${model.exportedAt}`)}</desc>`,
    // Printed from a browser, the picture fits the page's width: at its own size a board wider
    // than the paper lost its right-hand columns (QA, printing).
    PRINT_STYLE,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function viewBox(items: readonly Item[], marks: readonly Box[]): Box {
  const boxes = items.map(boxOf).filter((box): box is Box => box !== null);
  const bounds = boundsOf([...boxes, ...marks]);
  if (!bounds) return EMPTY_BOARD;
  return {
    x: bounds.x - MARGIN,
    y: bounds.y - MARGIN,
    w: bounds.w + 2 * MARGIN,
    h: bounds.h + 2 * MARGIN,
  };
}

/** The first letter of a text written right to left: Hebrew, Arabic and their neighbours. */
const FIRST_LETTER = /\p{L}/u;
const RIGHT_TO_LEFT = /[\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/**
 * A <text> of wrapped lines, one <tspan> each, starting with its first baseline at `top`, in a
 * box `width` wide from `x`. A text whose first letter is written right to left is set right to
 * left from the box's right edge, as the board sets it (dir="auto"): else "(المرحلة 2)" shows
 * its brackets turned about and starts at the wrong edge (QA, international content).
 */
function textBlock(
  lines: readonly string[],
  x: number,
  width: number,
  top: number,
  size: number,
  fill: string,
  weight: Weight = 'normal',
): string {
  const lineHeight = size * 1.25;
  const rtl = RIGHT_TO_LEFT.test(lines.join('\n').match(FIRST_LETTER)?.[0] ?? '');
  const from = rtl ? x + width : x;
  const spans = lines.map(
    (line, i) =>
      `<tspan x="${num(from)}" y="${num(top + size + i * lineHeight)}">${xml(line)}</tspan>`,
  );
  const bold = weight === 'bold' ? ' font-weight="bold"' : '';
  const direction = rtl ? ' direction="rtl" unicode-bidi="embed"' : '';
  return `<text font-size="${num(size)}" fill="${fill}"${bold}${direction} xml:space="preserve">${spans.join('')}</text>`;
}

/**
 * How many ems of `size` fit across `width` (wrapText measures lines in ems: text-width.ts), and
 * how many lines of it down `height`.
 */
function capacity(width: number, height: number, size: number): [ems: number, lines: number] {
  return [width / size, Math.max(0, Math.floor(height / (size * 1.25)))];
}

const TITLE_SIZE = 20;
/** Frame titles are bold, as on the board: measured in bold where they are fitted and drawn. */
const TITLE_WEIGHT: Weight = 'bold';
/** As many lines as the board gives a lane's title before it cuts it (canvas.css: line-clamp). */
const LANE_TITLE_LINES = 4;

/** A frame's title as drawn: its lines, whether any of it was left out, their box and size. */
interface TitleLines {
  lines: string[];
  cut: boolean;
  width: number;
  size: number;
}

/**
 * A frame's title as the board draws it (FrameTitle.tsx, canvas.css): on one line across the
 * frame; a journey lane's (a frame with columns) in the lane's first column, left of the first
 * stage line, wrapped there onto up to four lines, in letters small enough in a narrow column for
 * a word of about a dozen letters. Drawn across the frame, a long lane title ran over the first
 * stage (QA, development day: "Asiakkaan tunteet ja odotukset").
 */
function frameTitle(item: FrameItem): TitleLines {
  const cell = item.columns?.[0];
  if (!cell) {
    const width = item.w - 2 * PAD;
    const [ems] = capacity(width, 24, TITLE_SIZE);
    return { ...fitText(item.title, ems, 1, TITLE_WEIGHT), width, size: TITLE_SIZE };
  }
  const size = Math.min(TITLE_SIZE, cell / 9);
  const width = cell - 2 * PAD;
  const [ems, fits] = capacity(width, item.h - 8 - PAD, size);
  const lines = Math.max(1, Math.min(LANE_TITLE_LINES, fits));
  return { ...fitText(item.title, ems, lines, TITLE_WEIGHT), width, size };
}

function frame(item: FrameItem): string {
  const fill = safeColor(item.color, '#f8f9fa');
  const title = frameTitle(item);
  return [
    `<g data-item="${xml(item.id)}">`,
    // A title cut short is kept whole as the frame's name: a viewer's tooltip, a screen reader.
    title.cut ? `<title>${xml(item.title)}</title>` : '',
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="8" fill="${fill}" stroke="#8c959f" stroke-width="2"/>`,
    ...(item.columns ?? []).map(
      (x) =>
        `<line x1="${num(item.x + x)}" y1="${num(item.y)}" x2="${num(item.x + x)}" y2="${num(item.y + item.h)}" stroke="#8c959f" stroke-opacity="0.45" stroke-width="2"/>`,
    ),
    textBlock(
      title.lines,
      item.x + PAD,
      title.width,
      item.y + 8,
      title.size,
      textColorOn(fill),
      TITLE_WEIGHT,
    ),
    '</g>',
  ].join('');
}

function draw(item: Item, byId: ReadonlyMap<string, Item>, labels: ExportLabels): string {
  switch (item.type) {
    case 'frame':
      return frame(item);
    case 'note':
    case 'text':
      return note(item);
    case 'concept':
      return concept(item, labels);
    case 'stroke':
      return stroke(item);
    case 'connector':
      return connector(item, byId);
  }
}

function note(item: NoteItem): string {
  const isNote = item.type === 'note';
  const size = isNote ? 16 : 18;
  const fill = safeColor(item.color, '#fff3a3');
  const [ems, lines] = capacity(item.w - 2 * PAD, item.h - 2 * PAD, size);
  // Text items have no paper of their own: their text sits on whatever is behind them.
  const background = isNote
    ? `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="4" fill="${fill}" stroke="#d0d7de"/>`
    : '';
  const color = isNote ? textColorOn(fill) : '#1f2328';
  const text = fitText(item.text, ems, Math.max(1, lines));
  return [
    `<g data-item="${xml(item.id)}">`,
    // Words the note has no room for are kept whole as its name, as a cut frame title is.
    text.cut ? `<title>${xml(item.text)}</title>` : '',
    background,
    textBlock(text.lines, item.x + PAD, item.w - 2 * PAD, item.y + PAD, size, color),
    '</g>',
  ].join('');
}

/**
 * Title, then each field's label and value, as far down as the card has room. Drawn as the
 * board draws a concept card, whatever colour it carries: white, with a pale blue title band.
 */
function concept(item: ConceptItem, labels: ExportLabels): string {
  const ink = '#1f2328';
  const parts = [
    `<g data-item="${xml(item.id)}">`,
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="8" fill="#ffffff"/>`,
  ];
  const left = item.x + PAD;
  const bottom = item.y + item.h - PAD;
  let top = item.y + PAD;
  let cut = false;
  // Fitted in the weight it is drawn in: the title and the field labels are bold.
  const add = (text: string, size: number, maxLines: number, weight: Weight = 'normal') => {
    const [ems, fits] = capacity(item.w - 2 * PAD, bottom - top, size);
    const fitted = fitText(text, ems, Math.min(maxLines, fits), weight);
    cut ||= fitted.cut;
    if (fitted.lines.length === 0) return false;
    parts.push(textBlock(fitted.lines, left, item.w - 2 * PAD, top, size, ink, weight));
    top += fitted.lines.length * size * 1.25;
    return true;
  };
  const title = itemText(item) || labels.untitled;
  add(title, 18, 2, 'bold');
  const band = Math.min(top + PAD / 2, item.y + item.h) - item.y;
  // The title band goes under the title: second in the group, after the card itself.
  parts.splice(
    2,
    0,
    `<path d="M${num(item.x)},${num(item.y + band)} V${num(item.y + 8)} Q${num(item.x)},${num(item.y)} ${num(item.x + 8)},${num(item.y)} H${num(item.x + item.w - 8)} Q${num(item.x + item.w)},${num(item.y)} ${num(item.x + item.w)},${num(item.y + 8)} V${num(item.y + band)} Z" fill="#ddf4ff" stroke="none"/>`,
    `<line x1="${num(item.x)}" y1="${num(item.y + band)}" x2="${num(item.x + item.w)}" y2="${num(item.y + band)}" stroke="#8c959f" stroke-width="1"/>`,
  );
  top += 6;
  // As the board draws the card: no empty Name field under the title that names it.
  const fields = shownConceptFields(item).map((field) => {
    const value = item.fields[field]?.trim() || '—';
    return { label: labels.conceptFields[field], value };
  });
  for (const { label, value } of fields) {
    if (!add(label, 11, 1, 'bold') || !add(value, 13, 3)) {
      cut = true;
      break;
    }
    top += 4;
  }
  if (item.text.trim()) add(item.text, 13, 4);
  // What the card has no room for is kept whole as its name: title, fields, text, a line each.
  if (cut) {
    const whole = [title, ...fields.map(({ label, value }) => `${label}: ${value}`)];
    if (item.text.trim()) whole.push(item.text.trim());
    parts.splice(1, 0, `<title>${xml(whole.join('\n'))}</title>`);
  }
  parts.push(
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="8" fill="none" stroke="#57606a" stroke-width="2"/>`,
    '</g>',
  );
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

/**
 * An arrow from the edge of one item to the edge of the other, in the board's grey with its
 * arrowhead (the board draws every connector so, whatever colour it carries). A connector whose
 * end no longer exists, or joins another connector, is left out, as on the board.
 */
function connector(
  item: Extract<Item, { type: 'connector' }>,
  byId: ReadonlyMap<string, Item>,
): string {
  const fromItem = byId.get(item.from);
  const toItem = byId.get(item.to);
  const a = fromItem ? boxOf(fromItem) : null;
  const b = toItem ? boxOf(toItem) : null;
  if (!a || !b) return '';
  const { start, end } = connectorEnds(a, b);
  return `<line data-item="${xml(item.id)}" x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="${CONNECTOR_INK}" stroke-width="2.5" marker-end="url(#${ARROW_ID})"/>`;
}
