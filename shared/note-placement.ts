/**
 * Where a note goes that nobody placed by pointing: one added from the outline or written
 * privately (placeNewNote), and one that landed on another's spot because both were placed at
 * once, each without the other in view (spotAside): two people adding a note to the same lane
 * together, a note written offline. Pure: items in, a spot out. A NotePlacer keeps the items
 * by where they lie, for placing many notes one after another; a reveal places its notes with
 * one (`reveal`, by the rules in reveal-placement.ts). The spots themselves, a frame's cells
 * and the piles on a full one, are note-spots.ts's.
 */
import type { Item } from './board-document.ts';
import { type Bounds, BoxGrid, bounds } from './box-grid.ts';
import { type FrameColumn, frameColumnsLookup } from './frame-columns.ts';
import { boxOf } from './geometry.ts';
import {
  FrameSearch,
  GAP,
  NOTE,
  nearSpot,
  onSameSpot,
  PILE_STEP,
  PILE_STEPS,
  type Spot,
  type SpotProbe,
} from './note-spots.ts';
import { inOtherFrame, revealNotes } from './reveal-placement.ts';

/**
 * What a NotePlacer may look at (cells, spots, items) before it gives up and leaves notes where
 * they were written: enough for any board people make, and in proportion to its items, so that
 * placing many notes costs time in proportion to the board however its items lie.
 */
const LOOKS = 500_000;
const LOOKS_PER_ITEM = 200;
/** How many rows under a full frame a new note looks for room in (#under), before it piles. */
const UNDER_ROWS = 50;

/**
 * A free spot for a new note: the first grid cell inside the frame (or below the board) that
 * no known item covers. Private notes cannot see each other's spots, so each writer starts
 * at their own cell (`startCell`) and notes written at the same time rarely land together.
 * In a frame with columns (a journey lane) the grid is laid out within `column`, or else
 * within each column in turn, so a note never lies across a stage line; and a frame too low
 * for a note under its title (a journey lane) has it beside the title, inside the frame. When
 * every cell of a lane is taken, the note is piled on one, still inside the lane. A frame of more than
 * MAX_CELLS cells (note-spots.ts) counts as full when that many from the start are taken.
 * A full frame that is not a lane has the note under it instead, where nothing covers it and no
 * other frame is, still with the frame as its parent (NotePlacer's #under).
 */
export function placeNewNote(
  items: Item[],
  frame: Item | null,
  startCell = 0,
  column?: Pick<FrameColumn, 'left' | 'right'>,
): { x: number; y: number; parent?: string } {
  return new NotePlacer(items).placeNewNote(frame, startCell, column);
}

/**
 * A spot for `note`, which lies on another item's spot: in its frame, the first free cell of
 * the stage it is in (placeNewNote), piled a step aside where the stage is full; on no frame,
 * the nearest free spot beside it. Null where there is none that lies on no other's spot.
 */
export function spotAside(items: readonly Item[], note: Item): { x: number; y: number } | null {
  return new NotePlacer(items.filter((item) => item.id !== note.id)).spotAside(note);
}

/** A small, stable number per member: where their private notes start looking for room. */
export function memberCell(memberId: string, modulo: number): number {
  let hash = 0;
  for (const char of memberId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % Math.max(1, modulo);
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
 * The board's items, kept by where they lie, for placing notes one after another as each one
 * placed is added (a reveal): each note looks at the items near its spot, not at every item,
 * and a frame's columns and its taken cells are read once, not again for each note. Places as
 * placeNewNote and spotAside do over the same items. The items must not change while in it.
 */
export class NotePlacer {
  /** In the order they came, as the array the functions above take would hold them. */
  readonly #items = new Set<Item>();
  readonly #byId = new Map<string, Item[]>();
  /** Items but frames, by the box they cover (a cell is taken) and by their spot (hidden). */
  readonly #boxes = new BoxGrid<Item>(256);
  readonly #spots = new BoxGrid<Item>(PILE_STEP);
  /** Frames, by the box they cover: a note put out of its frame lies in no other. */
  readonly #frames = new BoxGrid<Item>(1024);
  readonly #columns = new Map<Item, FrameColumn[]>();
  /** The board's possible stage headings, read once for all its frames (frameColumnsLookup). */
  #columnsLookup: ((frame: Item) => FrameColumn[]) | undefined;
  /** Each frame's searches through its cells, by column and start cell (FrameSearch). */
  readonly #searches = new Map<Item, Map<string, FrameSearch>>();
  #looks = 0;
  #allowed = LOOKS;
  /** What its searches through a frame's spots ask of the items here, each a look. */
  readonly #probe: SpotProbe = {
    spent: () => this.spent,
    covered: (x, y) => this.#covered(x, y),
    free: (spot) => this.#free(spot),
    look: (count) => {
      this.#looks += count;
    },
  };

  constructor(items: Iterable<Item> = []) {
    for (const item of items) this.add(item);
  }

  /** How many cells, spots and items it has looked at so far. */
  get looks(): number {
    return this.#looks;
  }

  /** Whether it has looked at all it may: from then on, notes stay where they were written. */
  get spent(): boolean {
    return this.#looks > this.#allowed;
  }

  add(item: Item): void {
    this.#items.add(item);
    const same = this.#byId.get(item.id);
    if (same) same.push(item);
    else this.#byId.set(item.id, [item]);
    this.#allowed += LOOKS_PER_ITEM;
    if (item.type === 'frame') {
      this.#frames.add(item, bounds(item.x, item.y, item.x + item.w, item.y + item.h));
      return this.#forgetFrames();
    }
    const right = item.x + item.w;
    const bottom = item.y + item.h;
    this.#boxes.add(item, bounds(item.x, item.y, right, bottom));
    this.#spots.add(item, bounds(item.x, item.y, item.x, item.y));
    // A text above a lane may name one of its stages: the lane's columns are read again, and
    // the headings of any lane not read yet with it.
    const box = item.type === 'text' ? boxOf(item) : null;
    if (box) this.#columnsLookup = undefined;
    for (const frame of box ? this.#columns.keys() : []) {
      if (box!.y + box!.h <= frame.y) {
        this.#columns.delete(frame);
        this.#searches.delete(frame);
      }
    }
  }

  /** Takes out every item with this id. */
  delete(id: string): void {
    const gone = this.#byId.get(id);
    if (!gone) return;
    this.#byId.delete(id);
    for (const item of gone) {
      this.#items.delete(item);
      this.#boxes.delete(item);
      this.#spots.delete(item);
      this.#frames.delete(item);
    }
    // A cell taken may be free again.
    this.#forgetFrames();
  }

  /** Whether `note` lies on the spot of an item here (other than a frame): it hides one. */
  hides(note: Pick<Item, 'x' | 'y'>): boolean {
    return !this.#free(note);
  }

  /**
   * Puts notes that were placed unseen by one another (a silent-writing reveal) among the items
   * here, adding each; returns where those that moved went, by id (revealNotes).
   */
  reveal(notes: readonly Item[]): Map<string, Spot> {
    return revealNotes(this, notes);
  }

  /** spotAside, for a note not among the items. */
  spotAside(note: Item): Spot | null {
    if (this.spent) return null;
    const frame = this.frameOf(note);
    if (frame) {
      const middle = note.x + note.w / 2;
      const column = this.columnsOf(frame).find(
        ({ left, right }) => middle >= left && middle < right,
      );
      // In the frame, piled where it is full: a reveal then looks beside the note itself
      // (reveal-placement.ts), nearer where its writer put it than under the frame.
      const spot = this.#inFrame(frame, 0, column);
      return this.#free(spot) ? { x: spot.x, y: spot.y } : null;
    }
    const beside = this.beside(note);
    if (beside) return beside;
    for (let step = 1; step <= PILE_STEPS; step++) {
      const spot = { x: note.x + step * PILE_STEP, y: note.y + step * PILE_STEP };
      if (this.#free(spot)) return spot;
    }
    return null;
  }

  /** The frame `note` was put in, if it is here. */
  frameOf(note: Pick<Item, 'parent'>): Item | undefined {
    return note.parent
      ? this.#byId.get(note.parent)?.find((item) => item.type === 'frame')
      : undefined;
  }

  /**
   * The nearest spot beside `note` that no item (other than a frame) covers (AROUND), and that
   * `fits` where it is given (a reveal's: in no frame but the note's own and those around it).
   */
  beside(note: Item, fits?: (box: Bounds) => boolean): Spot | null {
    if (this.spent) return null;
    for (const step of AROUND) {
      const x = note.x + step.x * (note.w + GAP);
      const y = note.y + step.y * (note.h + GAP);
      if (this.#covered(x, y, note.w, note.h)) continue;
      if (!fits || fits(bounds(x, y, x + note.w, y + note.h))) return { x, y };
    }
    return null;
  }

  /**
   * Whether `test` holds for an item here other than a frame near `box` (every one that meets
   * it is asked), counting a look for the question and one for each item asked about.
   */
  someItemIn(box: Bounds, test: (item: Item) => boolean): boolean {
    this.#looks++;
    return this.#boxes.some(box, (item) => {
      this.#looks++;
      return test(item);
    });
  }

  /** someItemIn, asked of the frames here. */
  someFrameIn(box: Bounds, test: (frame: Item) => boolean): boolean {
    this.#looks++;
    return this.#frames.some(box, (frame) => {
      this.#looks++;
      return test(frame);
    });
  }

  /** placeNewNote over the items here. */
  placeNewNote(
    frame: Item | null,
    startCell = 0,
    column?: Pick<FrameColumn, 'left' | 'right'>,
  ): { x: number; y: number; parent?: string } {
    if (frame) {
      const spot = this.#inFrame(frame, startCell, column);
      // A full frame that is not a lane: under it rather than piled on its notes (#under).
      if (this.columnsOf(frame).length === 0 && this.#covered(spot.x, spot.y)) {
        const under = this.#under(frame);
        if (under) return { ...under, parent: frame.id };
      }
      return { ...spot, parent: frame.id };
    }
    let bottom = 0;
    let left = 0;
    for (const item of this.#items) {
      bottom = Math.max(bottom, item.y + item.h);
      left = Math.min(left, item.x);
    }
    for (let n = 0; n < 50; n++) {
      const cell = startCell + n;
      const x = left + (cell % 5) * (NOTE + GAP);
      const y = bottom + 2 * GAP + Math.floor(cell / 5) * (NOTE + GAP);
      if (!this.#covered(x, y)) return { x, y };
    }
    return { x: left, y: bottom + 2 * GAP };
  }

  /**
   * A spot under a full frame that is not a journey lane, for a new note that would otherwise be
   * piled on the frame's notes: its rows of cells carried on below its bottom edge, the first
   * that nothing covers and that lies in no other frame. The note keeps the frame as its
   * `parent`, so the outline and the exports list it there. Piled, every note added after a
   * frame filled up covered an older one's words, votes and follow-up marks; by a weekly
   * network's third session nothing of the first two could be read (QA). A lane keeps its pile:
   * a note under it would lie in the next lane, or in no stage.
   */
  #under(frame: Item): Spot | null {
    const across = Math.max(1, Math.floor((frame.w - GAP) / (NOTE + GAP)));
    for (let row = 0; row < UNDER_ROWS; row++) {
      for (let n = 0; n < across; n++) {
        if (this.spent) return null;
        const x = frame.x + GAP + n * (NOTE + GAP);
        const y = frame.y + frame.h + GAP + row * (NOTE + GAP);
        if (this.#covered(x, y)) continue;
        if (!inOtherFrame(this, bounds(x, y, x + NOTE, y + NOTE), frame)) return { x, y };
      }
    }
    return null;
  }

  #inFrame(frame: Item, startCell: number, column?: Pick<FrameColumn, 'left' | 'right'>): Spot {
    const key = `${column?.left}:${column?.right}:${startCell}`;
    const searches = this.#searches.get(frame) ?? new Map<string, FrameSearch>();
    this.#searches.set(frame, searches);
    // The frame's columns, and so its cells, stay as they are while its searches are kept: both
    // are forgotten together.
    let search = searches.get(key);
    if (!search) {
      search = new FrameSearch(frame, this.columnsOf(frame), column, startCell);
      searches.set(key, search);
    }
    return search.find(this.#probe);
  }

  /** The columns of `frame` (frameColumnsLookup): a journey lane's stages, none for most. */
  columnsOf(frame: Item): readonly FrameColumn[] {
    let columns = this.#columns.get(frame);
    if (!columns) {
      this.#columnsLookup ??= frameColumnsLookup([...this.#items]);
      columns = this.#columnsLookup(frame);
      this.#columns.set(frame, columns);
    }
    return columns;
  }

  /** Frames came or went, or an item went: their columns and searches are read again. */
  #forgetFrames(): void {
    this.#columnsLookup = undefined;
    this.#columns.clear();
    this.#searches.clear();
  }

  /** Whether an item other than a frame covers a note of this size at (x, y). */
  #covered(x: number, y: number, w = NOTE, h = NOTE): boolean {
    const right = x + w;
    const bottom = y + h;
    return this.someItemIn(
      bounds(x, y, right, bottom),
      (item) => x < item.x + item.w && right > item.x && y < item.y + item.h && bottom > item.y,
    );
  }

  /** Whether no item other than a frame lies on this spot. */
  #free(spot: Spot): boolean {
    this.#looks++;
    return !this.#spots.some(nearSpot(spot), (item) => {
      this.#looks++;
      return onSameSpot(spot, item);
    });
  }
}
