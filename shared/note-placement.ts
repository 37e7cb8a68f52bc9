/**
 * Where a note goes that nobody placed by pointing: one added from the outline or written
 * privately (placeNewNote), and one that landed on another's spot because both were placed at
 * once, each without the other in view (spotAside): two people adding a note to the same lane
 * together, a note written offline. Pure: items in, a spot out. A reveal places its notes with
 * a NotePlacer (`reveal`), which keeps the items by where they lie and moves a note that would
 * cover another's words (`covers`), not only one on another's spot.
 */
import type { Item } from './board-document.ts';
import { type Bounds, BoxGrid } from './box-grid.ts';
import { type FrameColumn, frameColumnsLookup } from './frame-columns.ts';
import { boxOf } from './geometry.ts';

const NOTE = 200;
const GAP = 20;
/** Room above a note for the frame's title, where the frame is high enough to give it. */
const TITLE_ROOM = 60;
/** A full frame piles new notes this far apart, at most this many deep. */
const PILE_STEP = 24;
const PILE_STEPS = 8;
/**
 * How many cells of a frame a note looks through for room, from where it starts, whatever the
 * frame's size; with all of them taken it is piled on one of them. A frame a million units
 * across has some twenty million cells, and listing them all for each note held the server,
 * every board on it (QA: a dozen notes revealed into one, 10 s).
 */
const MAX_CELLS = 2048;
/**
 * What a NotePlacer may look at (cells, spots, items) before it gives up and leaves notes where
 * they were written: enough for any board people make, and in proportion to its items, so that
 * placing many notes costs time in proportion to the board however its items lie.
 */
const LOOKS = 500_000;
const LOOKS_PER_ITEM = 200;
/**
 * How far two boxes may overlap, across or down, and still leave each one's words in view: a
 * note's padding (14 units, client/src/canvas/items/ItemView.tsx), where no words are.
 */
const COVER_MARGIN = 14;
/** The items whose words a note can cover (a drawing or an arrow under it still shows). */
const WORDED: ReadonlySet<Item['type']> = new Set(['note', 'text', 'concept']);

type Spot = { x: number; y: number };

/**
 * A free spot for a new note: the first grid cell inside the frame (or below the board) that
 * no known item covers. Private notes cannot see each other's spots, so each writer starts
 * at their own cell (`startCell`) and notes written at the same time rarely land together.
 * In a frame with columns (a journey lane) the grid is laid out within `column`, or else
 * within each column in turn, so a note never lies across a stage line; and a frame too low
 * for a note under its title (a journey lane) has it beside the title, inside the frame. When
 * every cell is taken, the note is piled on one, still inside the frame. A frame of more than
 * MAX_CELLS cells counts as full when that many from the start are taken.
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
  /** How far each search through a frame's cells got: whatever lies before is taken. */
  readonly #searches = new Map<Item, Map<string, Search>>();
  #looks = 0;
  #allowed = LOOKS;

  constructor(items: Iterable<Item> = []) {
    for (const item of items) this.add(item);
  }

  /** How many cells, spots and items it has looked at so far. */
  get looks(): number {
    return this.#looks;
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
   * Whether `note` covers the words of an item here (a note, a text, a concept card): their
   * boxes overlap by more than COVER_MARGIN both across and down. A note 100 units off another
   * covers half of it; one that only touches it, or overlaps its padding, covers nothing.
   * Once the placer has looked at all it may, it says no: the note stays where it was written.
   */
  covers(note: Pick<Item, 'x' | 'y' | 'w' | 'h'>): boolean {
    if (this.#spent()) return false;
    this.#looks++;
    const { x, y } = note;
    const right = x + note.w;
    const bottom = y + note.h;
    return this.#boxes.some(bounds(x, y, right, bottom), (item) => {
      this.#looks++;
      if (!WORDED.has(item.type)) return false;
      const across = Math.min(right, item.x + item.w) - Math.max(x, item.x);
      const down = Math.min(bottom, item.y + item.h) - Math.max(y, item.y);
      return across > COVER_MARGIN && down > COVER_MARGIN;
    });
  }

  /**
   * Puts notes that were placed unseen by one another (a silent-writing reveal) among the items
   * here, adding each; returns where those that moved went, by id. A note keeps the exact spot
   * its writer chose unless it would cover the words of an item here or of a note revealed with
   * it: then it goes to spotAside's spot, or, in a full frame that is not a lane (a concept
   * canvas under its card), to the nearest spot beside it that nothing covers, out of the frame
   * if need be but in no other (it keeps its frame). Where there is no such spot a note on another's spot is
   * piled a step aside (spotAside), and one that only covers part of another stays. The notes
   * that cover nothing are put first, so that none of them is pushed off its spot by one going
   * aside. An item here with a note's id is that note's first copy (a reveal repeated after a
   * crash): it is taken out, and nothing goes aside from it.
   */
  reveal(notes: readonly Item[]): Map<string, Spot> {
    for (const note of notes) this.delete(note.id);
    const covering: Item[] = [];
    for (const note of notes) {
      // A drawing or an arrow revealed over words leaves them readable: it stays where it was.
      if (WORDED.has(note.type) && this.covers(note)) covering.push(note);
      else this.add(note);
    }
    const moved = new Map<string, Spot>();
    for (const note of covering) {
      const spot = this.#clearSpot(note);
      if (spot) moved.set(note.id, spot);
      this.add({ ...note, ...spot });
    }
    return moved;
  }

  /** Where a note that covers another's words goes, as `reveal` says; null where it stays. */
  #clearSpot(note: Item): Spot | null {
    const aside = this.spotAside(note);
    if (aside && !this.covers({ ...note, ...aside })) return aside;
    const frame = this.#frameOf(note);
    const beside = frame && this.#columnsOf(frame).length === 0 ? this.#beside(note, frame) : null;
    return beside ?? (aside && this.hides(note) ? aside : null);
  }

  /** spotAside, for a note not among the items. */
  spotAside(note: Item): Spot | null {
    if (this.#spent()) return null;
    const frame = this.#frameOf(note);
    if (frame) {
      const middle = note.x + note.w / 2;
      const column = this.#columnsOf(frame).find(
        ({ left, right }) => middle >= left && middle < right,
      );
      const spot = this.placeNewNote(frame, 0, column);
      return this.#free(spot) ? { x: spot.x, y: spot.y } : null;
    }
    const beside = this.#beside(note);
    if (beside) return beside;
    for (let step = 1; step <= PILE_STEPS; step++) {
      const spot = { x: note.x + step * PILE_STEP, y: note.y + step * PILE_STEP };
      if (this.#free(spot)) return spot;
    }
    return null;
  }

  /** The frame `note` was put in, if it is here. */
  #frameOf(note: Pick<Item, 'parent'>): Item | undefined {
    return note.parent
      ? this.#byId.get(note.parent)?.find((item) => item.type === 'frame')
      : undefined;
  }

  /**
   * The nearest spot beside `note` that no item (other than a frame) covers (AROUND); with
   * `frame`, one that lies in no frame but it and those around it, where people would read the
   * note as that frame's.
   */
  #beside(note: Item, frame?: Item): Spot | null {
    if (this.#spent()) return null;
    for (const step of AROUND) {
      const x = note.x + step.x * (note.w + GAP);
      const y = note.y + step.y * (note.h + GAP);
      if (this.#covered(x, y, note.w, note.h)) continue;
      if (!frame || !this.#inOtherFrame(bounds(x, y, x + note.w, y + note.h), frame)) {
        return { x, y };
      }
    }
    return null;
  }

  /** Whether `box` meets a frame other than `own` and those that hold all of `own`. */
  #inOtherFrame(box: Bounds, own: Item): boolean {
    this.#looks++;
    return this.#frames.some(box, (other) => {
      this.#looks++;
      const meets =
        box.left < other.x + other.w &&
        box.right > other.x &&
        box.top < other.y + other.h &&
        box.bottom > other.y;
      const holdsOwn =
        other.x <= own.x &&
        other.y <= own.y &&
        other.x + other.w >= own.x + own.w &&
        other.y + other.h >= own.y + own.h;
      return meets && !holdsOwn;
    });
  }

  /** placeNewNote over the items here. */
  placeNewNote(
    frame: Item | null,
    startCell = 0,
    column?: Pick<FrameColumn, 'left' | 'right'>,
  ): { x: number; y: number; parent?: string } {
    if (frame) return { ...this.#inFrame(frame, startCell, column), parent: frame.id };
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

  #inFrame(frame: Item, startCell: number, column?: Pick<FrameColumn, 'left' | 'right'>): Spot {
    const cells = this.#cellsOf(frame, column);
    const key = `${column?.left}:${column?.right}:${startCell}`;
    const searches = this.#searches.get(frame) ?? new Map<string, Search>();
    this.#searches.set(frame, searches);
    const search = searches.get(key) ?? { cell: 0 };
    searches.set(key, search);
    const order = (n: number) => (startCell + n) % cells.count;
    const start = cells.at(order(0));
    const first = { x: start.x, y: start.y };
    const tried = Math.min(cells.count, MAX_CELLS);
    for (; search.cell < tried; search.cell++) {
      if (this.#spent()) return first;
      const cell = cells.at(order(search.cell));
      if (!this.#covered(cell.x, cell.y)) return { x: cell.x, y: cell.y };
    }
    // Every cell looked at is taken: pile the note on a cell's notes, a step aside, so each
    // one's edge shows, still inside the frame and its stage. Below the frame would be the next
    // journey lane, where everyone would read the note as that lane's. The cells take turns,
    // each offering its spots in order (pileSpots).
    const yMax = frame.y + frame.h - NOTE;
    search.piles ??= {
      turn: 0,
      piles: this.#deeper(
        Array.from({ length: tried }, (_, n) => {
          const { x, y, right } = cells.at(order(n));
          return { spots: pileSpots(x, y, right - NOTE, yMax) };
        }),
      ),
    };
    const walk = search.piles;
    while (walk.piles.length > 0) {
      for (; walk.turn < walk.piles.length; walk.turn++) {
        if (this.#spent()) return first;
        const spot = walk.piles[walk.turn]!.spot!;
        if (this.#free(spot)) return spot;
      }
      walk.piles = this.#deeper(walk.piles);
      walk.turn = 0;
    }
    return first;
  }

  /** The piles that have a spot one deeper, each moved on to it. */
  #deeper(piles: Pile[]): Pile[] {
    this.#looks += piles.length;
    return piles.filter((pile) => {
      const next = pile.spots.next();
      pile.spot = next.done ? undefined : next.value;
      return !next.done;
    });
  }

  /**
   * A frame's grid of cells, in the order they are looked through: row by row, each row's
   * cells column by column (within `column` or else each stage in turn), numbered from 0.
   */
  #cellsOf(frame: Item, column?: Pick<FrameColumn, 'left' | 'right'>): Cells {
    // Any stage will do: the named columns (the stages), not the lane's title column.
    const columns = this.#columnsOf(frame);
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

  #columnsOf(frame: Item): FrameColumn[] {
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
    this.#looks++;
    const right = x + w;
    const bottom = y + h;
    return this.#boxes.some(bounds(x, y, right, bottom), (item) => {
      this.#looks++;
      return x < item.x + item.w && right > item.x && y < item.y + item.h && bottom > item.y;
    });
  }

  /** Whether no item other than a frame lies on this spot. */
  #free(spot: Spot): boolean {
    this.#looks++;
    return !this.#spots.some(nearSpot(spot), (item) => {
      this.#looks++;
      return onSameSpot(spot, item);
    });
  }

  #spent(): boolean {
    return this.#looks > this.#allowed;
  }
}

interface Cells {
  count: number;
  /** Where cell number `cell` is, with the right edge of the stage it lies in. */
  at(cell: number): Spot & { right: number };
}

interface Search {
  /** Cells before this one (in the order they are looked through) are taken. */
  cell: number;
  /**
   * Once all are: the piles on the cells that have spots left, each at the same depth, and
   * whose turn it is (the piles before it are taken there too).
   */
  piles?: { turn: number; piles: Pile[] };
}

interface Pile {
  spots: Iterator<Spot>;
  /** Its spot at the depth the walk is at. */
  spot?: Spot;
}

/** The box from (x, y) to (right, bottom), whichever way round they are. */
function bounds(x: number, y: number, right: number, bottom: number): Bounds {
  return {
    left: Math.min(x, right),
    top: Math.min(y, bottom),
    right: Math.max(x, right),
    bottom: Math.max(y, bottom),
  };
}

/** Where anything on the same spot as `spot` lies (onSameSpot), edges included. */
function nearSpot({ x, y }: Spot): Bounds {
  const half = PILE_STEP / 2;
  return { left: x - half, top: y - half, right: x + half, bottom: y + half };
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
