/**
 * The spots a new note may take, and the order it tries them in: a note's size and the gap
 * between notes, when two notes lie on one spot (onSameSpot), a frame's grid of cells and the
 * piles on a full cell, walked by a FrameSearch. Apart from the placer (note-placement.ts),
 * which asks through a SpotProbe what lies where, so that this holds no items: the same spots
 * serve the outline, a reveal, and pages that settle notes placed at once
 * (client/src/board/settle-notes.ts tells by onSameSpot which hides which).
 */
import type { Item } from './board-document.ts';
import { type Bounds, BoxGrid, bounds } from './box-grid.ts';
import type { FrameColumn } from './frame-columns.ts';

export type Spot = { x: number; y: number };

/** A new note's width and height, and the gap between notes laid side by side. */
export const NOTE = 200;
export const GAP = 20;
/** Room above a note for the frame's title, where the frame is high enough to give it. */
const TITLE_ROOM = 60;
/** A full frame piles new notes this far apart, at most this many deep. */
export const PILE_STEP = 24;
export const PILE_STEPS = 8;
/**
 * How many cells of a frame a note looks through for room, from where it starts, whatever the
 * frame's size; with all of them taken it is piled on one of them. A frame a million units
 * across has some twenty million cells, and listing them all for each note held the server,
 * every board on it (QA: a dozen notes revealed into one, 10 s).
 */
const MAX_CELLS = 2048;

/** Whether `a` lies on `b`'s spot, within half a pile step: the one on top hides the other. */
export function onSameSpot(a: Pick<Item, 'x' | 'y'>, b: Pick<Item, 'x' | 'y'>): boolean {
  return Math.abs(a.x - b.x) < PILE_STEP / 2 && Math.abs(a.y - b.y) < PILE_STEP / 2;
}

/** Where anything on the same spot as `spot` lies (onSameSpot), edges included. */
export function nearSpot({ x, y }: Spot): Bounds {
  const half = PILE_STEP / 2;
  return { left: x - half, top: y - half, right: x + half, bottom: y + half };
}

interface Cells {
  count: number;
  /** Where cell number `cell` is, with the right edge of the stage it lies in. */
  at(cell: number): Spot & { right: number };
}

/**
 * A frame's grid of cells, in the order they are looked through: row by row, each row's
 * cells column by column (within `column` or else each stage in turn), numbered from 0.
 * `columns` are the frame's (frameColumnsLookup): in a journey lane a note never lies across
 * a stage line, and one too low for a note under its title has it beside the title.
 */
function frameCells(
  frame: Item,
  columns: readonly FrameColumn[],
  column?: Pick<FrameColumn, 'left' | 'right'>,
): Cells {
  // Any stage will do: the named columns (the stages), not the lane's title column.
  const stages = columns.filter((candidate) => candidate.name !== '');
  const spans = column
    ? [column]
    : stages.length > 0
      ? stages
      : columns.length > 0
        ? columns
        : [{ left: frame.x, right: frame.x + frame.w }];
  // How many grid columns each stage holds, and how many the stages before it do.
  const fits: { left: number; right: number; before: number }[] = [];
  let across = 0;
  for (const { left, right } of spans) {
    const fit = Math.max(column ? 1 : 0, Math.floor((right - left - GAP) / (NOTE + GAP)));
    if (fit > 0) fits.push({ left, right, before: across });
    across += fit;
  }
  if (across === 0) {
    fits.push({ left: frame.x, right: frame.x + frame.w, before: 0 });
    across = 1;
  }
  const top = Math.min(TITLE_ROOM, Math.max(0, frame.h - NOTE - GAP));
  const rows = Math.max(1, Math.floor((frame.h - top) / (NOTE + GAP)));
  return {
    count: across * rows,
    at: (cell) => {
      const n = cell % across;
      // The last stage that starts at or before grid column n, by halving.
      let [lo, hi] = [0, fits.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (fits[mid]!.before <= n) lo = mid;
        else hi = mid - 1;
      }
      const stage = fits[lo]!;
      return {
        // The same sum as when stages were laid out one grid column at a time.
        x: stage.left + GAP + (n - stage.before) * (NOTE + GAP),
        y: frame.y + top + Math.floor(cell / across) * (NOTE + GAP),
        right: stage.right,
      };
    },
  };
}

/**
 * What a FrameSearch asks of the items around the frame (a NotePlacer's, which counts each
 * question as a look and, once it has looked at all it may, says it is spent).
 */
export interface SpotProbe {
  spent(): boolean;
  /** Whether an item other than a frame covers a new note at (x, y). */
  covered(x: number, y: number): boolean;
  /** Whether no item other than a frame lies on `spot`. */
  free(spot: Spot): boolean;
  /** Counts `count` more looks. */
  look(count: number): void;
}

/**
 * A search through a frame's cells, from `startCell` on, for a spot for one new note after
 * another: the first cell nothing covers, and with all MAX_CELLS looked at taken, the first
 * free spot on their piles. It carries on where the last note's search stopped, as whatever
 * lies before is taken; while spent, it offers the first cell.
 */
export class FrameSearch {
  readonly #frame: Item;
  readonly #cells: Cells;
  readonly #startCell: number;
  /** Cells before this one (in the order they are looked through) are taken. */
  #cell = 0;
  /**
   * Once all are: the piles on the cells that have spots left, each at the same depth, and
   * whose turn it is (the piles before it are taken there too).
   */
  #piles: { turn: number; piles: Pile[] } | undefined;

  constructor(
    frame: Item,
    columns: readonly FrameColumn[],
    column: Pick<FrameColumn, 'left' | 'right'> | undefined,
    startCell: number,
  ) {
    this.#frame = frame;
    this.#cells = frameCells(frame, columns, column);
    this.#startCell = startCell;
  }

  find(probe: SpotProbe): Spot {
    const cells = this.#cells;
    const order = (n: number) => (this.#startCell + n) % cells.count;
    const start = cells.at(order(0));
    const first = { x: start.x, y: start.y };
    const tried = Math.min(cells.count, MAX_CELLS);
    for (; this.#cell < tried; this.#cell++) {
      if (probe.spent()) return first;
      const cell = cells.at(order(this.#cell));
      if (!probe.covered(cell.x, cell.y)) return { x: cell.x, y: cell.y };
    }
    // Every cell looked at is taken: pile the note on a cell's notes, a step aside, so each
    // one's edge shows, still inside the frame and its stage. Below the frame would be the next
    // journey lane, where everyone would read the note as that lane's. The cells take turns,
    // each offering its spots in order (pileSpots).
    const yMax = this.#frame.y + this.#frame.h - NOTE;
    this.#piles ??= {
      turn: 0,
      piles: deeper(
        Array.from({ length: tried }, (_, n) => {
          const { x, y, right } = cells.at(order(n));
          return { spots: pileSpots(x, y, right - NOTE, yMax) };
        }),
        probe,
      ),
    };
    const walk = this.#piles;
    while (walk.piles.length > 0) {
      for (; walk.turn < walk.piles.length; walk.turn++) {
        if (probe.spent()) return first;
        const spot = walk.piles[walk.turn]!.spot!;
        if (probe.free(spot)) return spot;
      }
      walk.piles = deeper(walk.piles, probe);
      walk.turn = 0;
    }
    return first;
  }
}

interface Pile {
  spots: Iterator<Spot>;
  /** Its spot at the depth the walk is at. */
  spot?: Spot;
}

/** The piles that have a spot one deeper, each moved on to it. */
function deeper(piles: Pile[], probe: SpotProbe): Pile[] {
  probe.look(piles.length);
  return piles.filter((pile) => {
    const next = pile.spots.next();
    pile.spot = next.done ? undefined : next.value;
    return !next.done;
  });
}

/**
 * The spots a full cell at (x, y) piles notes on, inside the room it has (up to xMax, yMax):
 * a step down and aside each, as far as the room goes; then, where that ran into the room's
 * edge (a lane one note high clamps the steps after the first), every other spot half a step
 * apart, so a busy stage's tenth note still lies on a spot of its own (review: from the sixth
 * on they had landed on one). Made as they are asked for: in a big frame they are countless.
 */
function* pileSpots(x: number, y: number, xMax: number, yMax: number): Generator<Spot> {
  const seen = new BoxGrid<Spot>(PILE_STEP);
  const offered = (sx: number, sy: number) => {
    const spot = { x: Math.max(x, Math.min(sx, xMax)), y: Math.max(y, Math.min(sy, yMax)) };
    if (seen.some(nearSpot(spot), (other) => onSameSpot(other, spot))) return null;
    seen.add(spot, bounds(spot.x, spot.y, spot.x, spot.y));
    return spot;
  };
  offered(x, y);
  for (let step = 1; step <= PILE_STEPS; step++) {
    const spot = offered(x + step * PILE_STEP, y + step * PILE_STEP);
    if (spot) yield spot;
  }
  const half = PILE_STEP / 2;
  for (let j = 0; y + j * half <= Math.max(y, yMax) + half; j++) {
    for (let i = 0; x + i * half <= Math.max(x, xMax) + half; i++) {
      const spot = offered(x + i * half, y + j * half);
      if (spot) yield spot;
    }
  }
}
