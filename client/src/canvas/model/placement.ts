/**
 * Where a new item goes. Every way of choosing is one search: the first of an ordered list of
 * spots that lies within a bound and touches nothing taken. Plain rectangles in board units
 * in and out; which frame, its title and the items around are for the caller (tools/create.ts).
 */
import { type Box, intersects, type Point } from './geometry.ts';

/** Between a new item and the frame edge or title it keeps clear of. */
const MARGIN = 8;
/** Between the selection and an item the keyboard adds beside it, and between spots of a grid. */
export const GAP = 24;

/**
 * A frame as room for a new item: its box, where its title is drawn (null: not on the page),
 * and the x of the lines dividing it into columns (a journey lane's stages), if any.
 */
export interface FrameRoom {
  rect: Box;
  title: Box | null;
  lines?: readonly number[];
}

/** The first of `spots` inside `bounds` (edges included) touching none of `taken`, or null. */
export function firstFree(
  spots: Iterable<Box>,
  { bounds, taken = [] }: { bounds?: Box; taken?: readonly Box[] },
): Box | null {
  for (const spot of spots) {
    if (bounds && !within(spot, bounds)) continue;
    if (!taken.some((r) => intersects(r, spot))) return spot;
  }
  return null;
}

/** `box` moved by each of `steps`, a step being its own size plus GAP: spots on a grid. */
export function* onGrid(box: Box, steps: Iterable<Point>): Generator<Box> {
  for (const step of steps) {
    yield { ...box, x: box.x + step.x * (box.w + GAP), y: box.y + step.y * (box.h + GAP) };
  }
}

/**
 * A click or double-click: `box` moved the least it must to lie inside the frame and clear of
 * its title (a lane of the customer journey keeps its notes), still over the title when only
 * that fits; `box` as it is when the frame is too small to hold it.
 */
export function keepInFrame(box: Box, frame: FrameRoom): Box {
  const inner = innerOf(frame.rect);
  if (box.w > inner.w || box.h > inner.h) return box;
  const inside = intoColumn(clampInto(box, inner), frame);
  const { title } = frame;
  if (!title || !intersects(inside, title)) return inside;
  const below = intoColumn({ ...inside, y: title.y + title.h + MARGIN }, frame);
  const right = intoColumn({ ...inside, x: title.x + title.w + MARGIN }, frame);
  const moved = (r: Box) => Math.abs(r.x - inside.x) + Math.abs(r.y - inside.y);
  const leastMovedFirst = [below, right].sort((a, b) => moved(a) - moved(b));
  return firstFree(leastMovedFirst, { bounds: inner, taken: [title] }) ?? inside;
}

/**
 * `spot` moved the least it must to lie inside the column of `frame` its centre is in (or
 * `middle`), clear of the lines on either side: a note belongs to one stage of a journey lane,
 * never across two. As it is where the frame has no lines, or the column is too narrow to hold it.
 */
function intoColumn(spot: Box, frame: FrameRoom, middle = spot.x + spot.w / 2): Box {
  const lines = frame.lines ?? [];
  if (lines.length === 0) return spot;
  const { rect } = frame;
  const left = Math.max(rect.x, ...lines.filter((x) => x <= middle));
  const right = Math.min(rect.x + rect.w, ...lines.filter((x) => x > middle));
  const column = innerOf({ x: left, y: rect.y, w: right - left, h: rect.h });
  return spot.w > column.w ? spot : clampInto(spot, column);
}

/** Steps besideInFrame tries, in reading order: on along the row, back along it, other rows. */
const BESIDE_ORDER: readonly Point[] = [0, 1, -1, 2, -2, 3, -3].flatMap((y) => [
  ...Array.from({ length: 13 }, (_, x) => ({ x, y })),
  ...Array.from({ length: 12 }, (_, x) => ({ x: -1 - x, y })),
]);

/**
 * The keyboard beside a selection in a frame: where `box`, first tried right of the selection,
 * fits inside the frame clear of its title and of `taken`, on along the selection's row, back
 * along it, then the rows below and above. Null when the frame has no room left.
 */
export function besideInFrame(box: Box, frame: FrameRoom, taken: readonly Box[]): Box | null {
  const row = { ...box, y: clampInto(box, innerOf(frame.rect)).y };
  return freeInFrame(row, BESIDE_ORDER, frame, taken);
}

/** How many items the keyboard piles on a selection in a full frame, each a GAP further on. */
const PILE_DEPTH = 8;

/**
 * The keyboard beside a selection in a full frame: `box` (the new item's size) piled on the
 * selection, GAP down and right of it, then of the item piled there, so each one's edge shows;
 * up and left once that way is taken. Moved inside the frame (a journey lane is barely taller
 * than a note: the pile runs along it), clear of its title and in the selection's column (a
 * lane's stage): beside the full lane would be another lane. Null once the pile is full.
 */
export function pileOn(
  selection: Box,
  box: Box,
  frame: FrameRoom,
  taken: readonly Box[],
): Box | null {
  const inner = innerOf(frame.rect);
  const stage = selection.x + selection.w / 2;
  // An item lies at a spot of the pile when its corner is nearer it than half a step.
  const piledAt = (spot: Box) =>
    taken.some((r) => Math.abs(r.x - spot.x) < GAP / 2 && Math.abs(r.y - spot.y) < GAP / 2);
  for (const way of [1, -1]) {
    for (let step = 1; step <= PILE_DEPTH; step++) {
      const offset = way * step * GAP;
      const wanted = { ...box, x: selection.x + offset, y: selection.y + offset };
      const spot = intoColumn(clampInto(wanted, inner), frame, stage);
      if (frame.title && intersects(spot, frame.title)) continue;
      if (!piledAt(spot)) return spot;
    }
  }
  return null;
}

/** How far rightOf goes along the row before it gives up looking. */
const RIGHTWARD: readonly Point[] = Array.from({ length: 51 }, (_, x) => ({ x, y: 0 }));

/**
 * The keyboard beside a selection in no frame (or a full one with no room on its pile either):
 * `box`, or the first spot on to its right clear of `taken`; 50 boxes on when none is.
 */
export function rightOf(box: Box, taken: readonly Box[]): Box {
  const spots = [...onGrid(box, RIGHTWARD)];
  return firstFree(spots, { taken }) ?? spots[spots.length - 1]!;
}

/** Steps of a 9 × 9 grid around a spot, nearest first: where nearestFree looks. */
const NEAREST_FIRST: readonly Point[] = Array.from({ length: 81 }, (_, i) => ({
  x: (i % 9) - 4,
  y: Math.floor(i / 9) - 4,
})).sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));

/**
 * The keyboard with nothing selected: the spot nearest `box` (the middle of the view) where it
 * touches none of `taken`, on a grid of its own size around it; null when the whole
 * neighbourhood is full. In a `frame` (the one the middle is in) only spots inside it and clear
 * of its title count, from `box` moved inside: the lane in view keeps the note.
 */
export function nearestFree(box: Box, taken: readonly Box[], frame?: FrameRoom): Box | null {
  if (!frame) return firstFree(onGrid(box, NEAREST_FIRST), { taken });
  return freeInFrame(clampInto(box, innerOf(frame.rect)), NEAREST_FIRST, frame, taken);
}

/** The first spot of the grid around `start` inside `frame`, clear of its title and `taken`. */
function freeInFrame(
  start: Box,
  steps: readonly Point[],
  frame: FrameRoom,
  taken: readonly Box[],
): Box | null {
  const clear = frame.title ? [...taken, frame.title] : taken;
  const spots = onGrid(start, steps);
  const inColumns = frame.lines?.length ? map(spots, (spot) => intoColumn(spot, frame)) : spots;
  return firstFree(inColumns, { bounds: innerOf(frame.rect), taken: clear });
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** A frame's box less MARGIN on every side: where what it holds must lie. */
function innerOf(frame: Box): Box {
  return {
    x: frame.x + MARGIN,
    y: frame.y + MARGIN,
    w: frame.w - 2 * MARGIN,
    h: frame.h - 2 * MARGIN,
  };
}

/** `box` moved the least it must to lie inside `bounds`; one too big sticks out at the top left. */
function clampInto(box: Box, bounds: Box): Box {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    ...box,
    x: clamp(box.x, bounds.x, bounds.x + bounds.w - box.w),
    y: clamp(box.y, bounds.y, bounds.y + bounds.h - box.h),
  };
}

function within(r: Box, bounds: Box): boolean {
  return (
    r.x >= bounds.x &&
    r.y >= bounds.y &&
    r.x + r.w <= bounds.x + bounds.w &&
    r.y + r.h <= bounds.y + bounds.h
  );
}
