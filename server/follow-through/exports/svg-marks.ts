/**
 * What the workshop decided, drawn at each item's foot as the board draws it (ItemOverlay.tsx,
 * overlay.css): a badge with the item's rank and votes in the last round anyone voted in (the
 * round the agenda reports, last-vote.ts), and a mark naming who takes its follow-ups forward.
 * A slide made from the picture shows what won and who took it on.
 */
import type { Item } from '../../../shared/board-document.ts';
import type { RoundResult } from '../../../shared/facilitation.ts';
import { type BoardExport, type FollowUp, isUnassigned } from '../../../shared/follow-through.ts';
import type { Box } from '../../../shared/geometry.ts';
import { liveFollowUps, memberNames, ownerName } from './board-model.ts';
import type { ExportLabels } from './labels.ts';
import { lastVoteResults } from './last-vote.ts';
import { fitText, num, xml } from './svg-text.ts';
import { textWidth } from './text-width.ts';

/** The items the board draws a foot on: the rest (strokes, connectors) show no marks there. */
const MARKED_TYPES: ReadonlySet<Item['type']> = new Set(['note', 'text', 'concept', 'frame']);

/** The foot starts this far in from the item's left edge, and ends as far from its right. */
const INSET = 4;
/** How far below the item's bottom edge the foot's row ends (overlay.css: .wk-overlay-foot). */
const HANG = 14;
const GAP = 4;

/** .wk-badge: 13 px bold, white on the rank's colour, 2 px above and 8 px beside the words. */
const BADGE = { size: 13, height: 20, padX: 8 };
/** The board's rank colours (overlay.css .wk-rank-1, .wk-rank-3); other ranks are grey. */
const RANK_FILLS: Readonly<Record<number, string>> = { 1: '#9a6700', 3: '#8a4600' };
const BADGE_FILL = '#57606a';

/** .wk-fu-mark: 12 px, dark green on pale green with a green border, a flag before the words. */
const MARK = { size: 12, height: 18, padX: 6, icon: 14.4 };
const MARK_FILL = '#dafbe1';
const MARK_BORDER = '#4ac26b';
const MARK_INK = '#116329';
/** The board's follow-up flag (FitWords.tsx: FollowUpIcon), drawn in a 16-unit square. */
const FLAG = 'M3.5 14.5V2M3.5 2.5h9l-2.5 3 2.5 3h-9';

/**
 * An owner's name is cut with "…" no shorter than this (8 ems): on a default note beside a vote
 * badge the board's own room leaves "Juha Ko…", which names nobody on a slide. The row then
 * reaches past the item's right edge, and the picture's viewBox takes it in.
 */
const NAME_ROOM = 96;

/** The marks, drawn over every item, and their boxes, for the picture's viewBox to take in. */
export interface DrawnMarks {
  layer: string[];
  boxes: Box[];
}

/**
 * Marks for `items`, in the order given (the board's drawing order): an item drawn later draws
 * its marks over an earlier one's, as it lies over it.
 */
export function drawMarks(
  model: BoardExport,
  items: readonly Item[],
  labels: ExportLabels,
): DrawnMarks {
  const results = lastVoteResults(model);
  // A dropped follow-up leaves no mark.
  const followUps = liveFollowUps(model);
  const names = memberNames(model);
  const drawn: DrawnMarks = { layer: [], boxes: [] };
  for (const item of items) {
    if (!MARKED_TYPES.has(item.type)) continue;
    const result = results.get(item.id);
    const theirs = followUps.get(item.id);
    if (!result && !theirs) continue;
    // One row, its bottom HANG below the item's, its marks centred on one line (overlay.css).
    const left = item.x + INSET;
    const height = result ? BADGE.height : MARK.height;
    const top = item.y + item.h + HANG - height;
    const middle = top + height / 2;
    const parts = [`<g data-marks="${xml(item.id)}">`];
    let x = left;
    if (result) {
      const badge = voteBadge(result, x, middle, labels);
      parts.push(badge.svg);
      x += badge.width;
    }
    let bottom = top + height;
    if (theirs) {
      const right = item.x + item.w - INSET;
      const besides = result ? x + GAP : x;
      let mark = followUpMark(theirs, names, besides, middle, Math.max(right - besides, 0), labels);
      if (result && besides + mark.width > right) {
        // Beside the badge the mark ran past the item, into the next note's badge: a row of its
        // own under the badge, as wide as the item (or NAME_ROOM).
        const under = bottom + GAP + MARK.height / 2;
        mark = followUpMark(theirs, names, left, under, Math.max(right - left, 0), labels);
        parts.push(mark.svg);
        x = Math.max(x, left + mark.width);
        bottom = under + MARK.height / 2;
      } else {
        parts.push(mark.svg);
        x = besides + mark.width;
      }
    }
    parts.push('</g>');
    drawn.layer.push(parts.join(''));
    drawn.boxes.push({ x: left, y: top, w: x - left, h: bottom - top });
  }
  return drawn;
}

/** The baseline that centres a line of `size` on `middle` (its capitals' middle). */
function baseline(middle: number, size: number): number {
  return middle + size * 0.35;
}

/** "#1 · 3 votes" on the rank's colour, named in full ("Rank 1, 3 votes"), as on the board. */
function voteBadge(
  result: RoundResult,
  x: number,
  middle: number,
  labels: ExportLabels,
): { svg: string; width: number } {
  const top = middle - BADGE.height / 2;
  const words = labels.marks.resultShort(result.rank, result.votes);
  const width = textWidth(words, 'bold') * BADGE.size + 2 * BADGE.padX;
  const fill = RANK_FILLS[result.rank] ?? BADGE_FILL;
  const svg = [
    `<g data-votes="${result.votes}" data-rank="${result.rank}">`,
    `<title>${xml(labels.marks.result(result.rank, result.votes))}</title>`,
    `<rect x="${num(x)}" y="${num(top)}" width="${num(width)}" height="${BADGE.height}" rx="${BADGE.height / 2}" fill="${fill}"/>`,
    `<text x="${num(x + BADGE.padX)}" y="${num(baseline(middle, BADGE.size))}" font-size="${BADGE.size}" font-weight="bold" fill="#ffffff" xml:space="preserve">${xml(words)}</text>`,
    '</g>',
  ];
  return { svg: svg.join(''), width };
}

/**
 * The flag and the first owner's name, "+2" for two more owners; named by the count and every
 * owner, as the board names its mark. Owners come as their follow-ups were made, one nobody owns
 * yet last: a name says more than "unassigned", which is set in italics (as the report sets it)
 * so it cannot be taken for someone's name.
 */
function followUpMark(
  followUps: readonly FollowUp[],
  names: ReadonlyMap<string, string>,
  x: number,
  middle: number,
  room: number,
  labels: ExportLabels,
): { svg: string; width: number } {
  const owned = followUps.filter((followUp) => !isUnassigned(followUp.owner));
  const owners = [
    ...new Set(owned.map((followUp) => ownerName(followUp.owner, names) || labels.untitled)),
  ];
  const unowned = owned.length < followUps.length;
  const everyone = unowned ? [...owners, labels.unassigned] : owners;
  const [first = labels.unassigned] = everyone;
  const more = everyone.length > 1 ? ` +${everyone.length - 1}` : '';
  const italic = owners.length === 0;
  const chrome = 2 * MARK.padX + 2 + MARK.icon;
  const moreWidth = textWidth(more) * MARK.size;
  const nameRoom = Math.max(room - chrome - moreWidth, NAME_ROOM);
  const name = fitText(first, nameRoom / MARK.size, 1).lines[0] ?? '';
  // Italic runs a little wider than the measure; the pill's padding holds the difference.
  const width = chrome + (textWidth(name) + textWidth(more)) * MARK.size;
  const top = middle - MARK.height / 2;
  const shown = italic ? `<tspan font-style="italic">${xml(name)}</tspan>` : xml(name);
  const icon = MARK.size / 16;
  const svg = [
    `<g data-follow-ups="${followUps.length}">`,
    `<title>${xml(labels.marks.followUps(followUps.length, everyone))}</title>`,
    `<rect x="${num(x + 0.5)}" y="${num(top + 0.5)}" width="${num(width - 1)}" height="${MARK.height - 1}" rx="${MARK.height / 2}" fill="${MARK_FILL}" stroke="${MARK_BORDER}"/>`,
    `<path d="${FLAG}" transform="translate(${num(x + MARK.padX + 1 + 1.2)} ${num(middle - MARK.size / 2)}) scale(${icon})" fill="none" stroke="${MARK_INK}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
    `<text x="${num(x + MARK.padX + 1 + MARK.icon)}" y="${num(baseline(middle, MARK.size))}" font-size="${MARK.size}" fill="${MARK_INK}" xml:space="preserve">${shown}${xml(more)}</text>`,
    '</g>',
  ];
  return { svg: svg.join(''), width };
}
