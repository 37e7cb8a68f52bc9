/**
 * Where a silent-writing reveal puts notes written unseen by one another: a rule of its own on
 * top of where new notes go (note-placement.ts), as a note moves when it would cover another's
 * words, not only when it lies on another's spot. Works through the items a NotePlacer keeps
 * by where they lie (RevealBoard), which NotePlacer.reveal hands it; pure otherwise.
 */
import type { Item } from './board-document.ts';
import { type Bounds, bounds } from './box-grid.ts';
import type { FrameColumn } from './frame-columns.ts';
import type { Spot } from './note-spots.ts';

/**
 * How far two boxes may overlap, across or down, and still leave each one's words in view: a
 * note's padding (14 units, client/src/canvas/items/ItemView.tsx), where no words are.
 */
const COVER_MARGIN = 14;
/** The items whose words a note can cover (a drawing or an arrow under it still shows). */
const WORDED: ReadonlySet<Item['type']> = new Set(['note', 'text', 'concept']);

/**
 * What the reveal asks of the items it places notes among: a NotePlacer's, which counts every
 * look and once `spent` says no more (the note stays where it was written).
 */
export interface RevealBoard {
  readonly spent: boolean;
  add(item: Item): void;
  delete(id: string): void;
  hides(note: Pick<Item, 'x' | 'y'>): boolean;
  spotAside(note: Item): Spot | null;
  frameOf(note: Pick<Item, 'parent'>): Item | undefined;
  columnsOf(frame: Item): readonly FrameColumn[];
  beside(note: Item, fits?: (box: Bounds) => boolean): Spot | null;
  someItemIn(box: Bounds, test: (item: Item) => boolean): boolean;
  someFrameIn(box: Bounds, test: (frame: Item) => boolean): boolean;
}

/**
 * Puts notes that were placed unseen by one another (a silent-writing reveal) among the items
 * of `board`, adding each; returns where those that moved went, by id. A note keeps the exact
 * spot its writer chose unless it would cover the words of an item there or of a note revealed
 * with it: then it goes to spotAside's spot, or, in a full frame that is not a lane (a concept
 * canvas under its card), to the nearest spot beside it that nothing covers, out of the frame
 * if need be but in no other (it keeps its frame). Where there is no such spot a note on
 * another's spot is piled a step aside (spotAside), and one that only covers part of another
 * stays. The notes that cover nothing are put first, so that none of them is pushed off its
 * spot by one going aside. An item there with a note's id is that note's first copy (a reveal
 * repeated after a crash): it is taken out, and nothing goes aside from it.
 */
export function revealNotes(board: RevealBoard, notes: readonly Item[]): Map<string, Spot> {
  for (const note of notes) board.delete(note.id);
  const covering: Item[] = [];
  for (const note of notes) {
    // A drawing or an arrow revealed over words leaves them readable: it stays where it was.
    if (WORDED.has(note.type) && covers(board, note)) covering.push(note);
    else board.add(note);
  }
  const moved = new Map<string, Spot>();
  for (const note of covering) {
    const spot = clearSpot(board, note);
    if (spot) moved.set(note.id, spot);
    board.add({ ...note, ...spot });
  }
  return moved;
}

/** Where a note that covers another's words goes, as revealNotes says; null where it stays. */
function clearSpot(board: RevealBoard, note: Item): Spot | null {
  const aside = board.spotAside(note);
  if (aside && !covers(board, { ...note, ...aside })) return aside;
  const frame = board.frameOf(note);
  const beside =
    frame && board.columnsOf(frame).length === 0
      ? board.beside(note, (box) => !inOtherFrame(board, box, frame))
      : null;
  return beside ?? (aside && board.hides(note) ? aside : null);
}

/**
 * Whether `note` covers the words of an item on `board` (a note, a text, a concept card):
 * their boxes overlap by more than COVER_MARGIN both across and down. A note 100 units off
 * another covers half of it; one that only touches it, or overlaps its padding, covers nothing.
 * Once the board has been looked at all it may be, it says no: the note stays where it was written.
 */
function covers(board: RevealBoard, note: Pick<Item, 'x' | 'y' | 'w' | 'h'>): boolean {
  if (board.spent) return false;
  const { x, y } = note;
  const right = x + note.w;
  const bottom = y + note.h;
  return board.someItemIn(bounds(x, y, right, bottom), (item) => {
    if (!WORDED.has(item.type)) return false;
    const across = Math.min(right, item.x + item.w) - Math.max(x, item.x);
    const down = Math.min(bottom, item.y + item.h) - Math.max(y, item.y);
    return across > COVER_MARGIN && down > COVER_MARGIN;
  });
}

/**
 * Whether `box` meets a frame other than `own` and those that hold all of `own`: where a note
 * put out of its full frame may not go (here, and under a frame in NotePlacer.placeNewNote).
 */
export function inOtherFrame(
  board: Pick<RevealBoard, 'someFrameIn'>,
  box: Bounds,
  own: Item,
): boolean {
  return board.someFrameIn(box, (other) => {
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
