/**
 * Where a note goes that nobody placed by pointing: one added from the outline or written
 * privately (placeNewNote), and one that landed on another's spot because both were placed at
 * once, each without the other in view (spotAside): two people adding a note to the same lane
 * together, private notes revealed together, a note written offline. Pure: items in, a spot out.
 */
import type { Item } from './board-document.ts';
import { type FrameColumn, frameColumns } from './frame-columns.ts';

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
    // lane, where everyone would read the note as that lane's. The cells take turns, each
    // offering its spots in order (pileSpots).
    const piles = order.map((cell) => {
      const { x, y } = at(cell);
      return pileSpots(x, y, lefts[cell % across]!.right - NOTE, frame.y + frame.h - NOTE);
    });
    const deepest = Math.max(...piles.map((pile) => pile.length));
    for (let depth = 0; depth < deepest; depth++) {
      for (const pile of piles) {
        const spot = pile[depth];
        if (spot && !others.some((item) => onSameSpot(spot, item))) {
          return { ...spot, parent: frame.id };
        }
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

/**
 * The spots a full cell at (x, y) piles notes on, inside the room it has (up to xMax, yMax):
 * a step down and aside each, as far as the room goes; then, where that ran into the room's
 * edge (a lane one note high clamps the steps after the first), every other spot half a step
 * apart, so a busy stage's tenth note still lies on a spot of its own (review: from the sixth
 * on they had landed on one).
 */
function pileSpots(x: number, y: number, xMax: number, yMax: number): { x: number; y: number }[] {
  const spots = [{ x, y }];
  const offer = (sx: number, sy: number) => {
    const spot = { x: Math.max(x, Math.min(sx, xMax)), y: Math.max(y, Math.min(sy, yMax)) };
    if (!spots.some((other) => onSameSpot(other, spot))) spots.push(spot);
  };
  for (let step = 1; step <= PILE_STEPS; step++) offer(x + step * PILE_STEP, y + step * PILE_STEP);
  const half = PILE_STEP / 2;
  for (let j = 0; y + j * half <= Math.max(y, yMax) + half; j++) {
    for (let i = 0; x + i * half <= Math.max(x, xMax) + half; i++)
      offer(x + i * half, y + j * half);
  }
  return spots.slice(1);
}

/** Whether `a` lies on `b`'s spot, within half a pile step: the one on top hides the other. */
export function onSameSpot(a: Pick<Item, 'x' | 'y'>, b: Pick<Item, 'x' | 'y'>): boolean {
  return Math.abs(a.x - b.x) < PILE_STEP / 2 && Math.abs(a.y - b.y) < PILE_STEP / 2;
}

/** Steps around a note on no frame, nearest first: along its row, then the rows around it. */
const AROUND: readonly { x: number; y: number }[] = [
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: 1, y: 1 },
  { x: -1, y: 0 },
  { x: -1, y: 1 },
  { x: 2, y: 0 },
  { x: 2, y: 1 },
  { x: 0, y: -1 },
  { x: 1, y: -1 },
  { x: -1, y: -1 },
];

/**
 * A spot for `note`, which lies on another item's spot: in its frame, the first free cell of
 * the stage it is in (placeNewNote), piled a step aside where the stage is full; on no frame,
 * the nearest free spot beside it. Null where there is none that lies on no other's spot.
 */
export function spotAside(items: readonly Item[], note: Item): { x: number; y: number } | null {
  const others = items.filter((item) => item.id !== note.id);
  const free = (spot: { x: number; y: number }) =>
    !others.some((item) => item.type !== 'frame' && onSameSpot(spot, item));
  const frame = others.find((item) => item.id === note.parent && item.type === 'frame');
  if (frame) {
    const middle = note.x + note.w / 2;
    const column = frameColumns(frame, others).find(
      ({ left, right }) => middle >= left && middle < right,
    );
    const spot = placeNewNote(others, frame, 0, column);
    return free(spot) ? { x: spot.x, y: spot.y } : null;
  }
  const taken = others.filter((item) => item.type !== 'frame');
  for (const step of AROUND) {
    const x = note.x + step.x * (note.w + GAP);
    const y = note.y + step.y * (note.h + GAP);
    const touches = taken.some(
      (item) =>
        x < item.x + item.w && x + note.w > item.x && y < item.y + item.h && y + note.h > item.y,
    );
    if (!touches) return { x, y };
  }
  for (let step = 1; step <= PILE_STEPS; step++) {
    const spot = { x: note.x + step * PILE_STEP, y: note.y + step * PILE_STEP };
    if (free(spot)) return spot;
  }
  return null;
}
