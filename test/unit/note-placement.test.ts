/**
 * Where a silent-writing reveal puts notes written unseen by one another (shared/note-placement.ts
 * NotePlacer.reveal): none covers another's words, and a note that covers nothing stays exactly
 * where its writer put it. The boards are the templates' (shared/templates.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/board-document.ts';
import { NotePlacer, placeNewNote } from '../../shared/note-placement.ts';

/** The retrospective's "Ideas" frame, third of its row. */
const ideas: Item = {
  id: 'ideas',
  type: 'frame',
  x: 1400,
  y: 0,
  w: 640,
  h: 800,
  title: 'Ideas',
  color: '#f8f9fa',
  createdAt: 0,
  pinned: true,
};

/** The concept canvas: its frame and the card in it. */
const canvas: Item = { ...ideas, id: 'canvas', x: 0, w: 520, h: 680, title: 'Service concept' };
const card: Item = {
  id: 'card',
  type: 'concept',
  x: 50,
  y: 70,
  w: 420,
  h: 560,
  title: 'New service concept',
  text: '',
  fields: { firstStep: 'Call every customer back within a day' },
  color: '#ffffff',
  createdAt: 0,
  parent: 'canvas',
};

const note = (id: string, x: number, y: number, parent?: string): Item => ({
  id,
  type: 'note',
  x,
  y,
  w: 200,
  h: 200,
  text: `${id} round3 note`,
  color: '#fff3a3',
  createdAt: 0,
  ...(parent ? { parent } : {}),
});

/** Reveals `notes` onto `board` as the server does; the notes where they ended. */
function reveal(board: Item[], notes: Item[]): Item[] {
  const moved = new NotePlacer(board).reveal(notes);
  return notes.map((item) => ({ ...item, ...moved.get(item.id) }));
}

/** How far two boxes overlap, across and down (0 where they do not). */
function overlap(a: Item, b: Item): { across: number; down: number } {
  const across = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return across > 0 && down > 0 ? { across, down } : { across: 0, down: 0 };
}

const overlapping = (items: Item[]) =>
  items.flatMap((a, i) =>
    items.slice(i + 1).flatMap((b) => (overlap(a, b).across > 0 ? [`${a.id}/${b.id}`] : [])),
  );

/** Every order of `list` (a reveal without names shuffles its notes). */
function orders<T>(list: T[]): T[][] {
  if (list.length <= 1) return [list];
  return list.flatMap((first, i) =>
    orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]),
  );
}

describe('a reveal puts no note over the words of another (QA)', () => {
  it('three notes written 100 units apart in a frame end apart, inside it, whatever their order', () => {
    const written = [note('Ana', 1460, 300, 'ideas'), note('Ben', 1560, 300, 'ideas')];
    written.push(note('Cai', 1660, 300, 'ideas'));
    for (const order of orders(written)) {
      const placed = reveal([ideas], order);
      expect(overlapping(placed)).toEqual([]);
      for (const item of placed) {
        expect(item.parent).toBe('ideas');
        expect(item.x).toBeGreaterThanOrEqual(ideas.x);
        expect(item.x + item.w).toBeLessThanOrEqual(ideas.x + ideas.w);
        expect(item.y + item.h).toBeLessThanOrEqual(ideas.y + ideas.h);
      }
    }
  });

  it('a note written over the lower half of a concept card goes beside the canvas, off the card', () => {
    const [placed] = reveal([canvas, card], [note('Ana', 150, 400, 'canvas')]);
    expect(overlap(placed!, card)).toEqual({ across: 0, down: 0 });
    // Beside it, and still the canvas's note.
    expect(placed!.x).toBeLessThan(canvas.x + canvas.w + 2 * 220);
    expect(placed!.y).toBe(400);
    expect(placed!.parent).toBe('canvas');
  });

  it('a note written over a note already on the board goes to a free spot of the frame', () => {
    const board = [ideas, note('Ana', 1460, 300, 'ideas')];
    const [placed] = reveal(board, [note('Ben', 1540, 380, 'ideas')]);
    expect(overlapping([board[1]!, placed!])).toEqual([]);
    expect(placed!.parent).toBe('ideas');
  });

  it('notes on no frame written 100 units apart end side by side', () => {
    const placed = reveal([], [note('Ana', 0, 0), note('Ben', 100, 0), note('Cai', 200, 100)]);
    expect(overlapping(placed)).toEqual([]);
  });

  it('notes far apart keep the exact spots their writers chose', () => {
    const written = [
      note('Ana', 1420, 60, 'ideas'),
      note('Ben', 1820, 60, 'ideas'),
      note('Cai', 1420, 500, 'ideas'),
      note('Dan', 3000, 3000),
    ];
    expect(reveal([ideas], written)).toEqual(written);
  });

  it('a note that covers nothing keeps its spot though the frame’s first free cell, where it lies, is where a covering one would go', () => {
    // Ana and Ben cover each other; Cai lies in the frame's first cell, alone. Revealed Cai
    // last, the one of Ana and Ben that goes aside would otherwise take Cai's cell first.
    const cai = note('Cai', 1420, 60, 'ideas');
    for (const order of orders([
      note('Ana', 1460, 400, 'ideas'),
      note('Ben', 1560, 400, 'ideas'),
    ])) {
      const placed = reveal([ideas], [...order, cai]);
      expect(overlapping(placed)).toEqual([]);
      expect(placed.find((item) => item.id === 'Cai')).toEqual(cai);
    }
  });

  it('a note revealed over others in a full frame never goes into the next frame', () => {
    const actions: Item = { ...ideas, id: 'actions', x: 2100, title: 'Actions' };
    const cells = [1420, 1640].flatMap((x) => [60, 280, 500].map((y) => ({ x, y })));
    const full = cells.map(({ x, y }, n) => note(`cell-${n}`, x, y, 'ideas'));
    const [placed] = reveal([ideas, actions, ...full], [note('Ana', 1700, 300, 'ideas')]);
    expect(overlap(placed!, actions)).toEqual({ across: 0, down: 0 });
    expect(placed!.parent).toBe('ideas');
  });

  it('a note that overlaps another only at its padding, where no words are, stays', () => {
    const board = [ideas, note('Ana', 1420, 60, 'ideas')];
    const written = [note('Ben', 1420 + 190, 60, 'ideas'), note('Cai', 1420, 60 + 190, 'ideas')];
    expect(reveal(board, written)).toEqual(written);
  });
});

describe('a note added to a full frame (placeNewNote)', () => {
  it('on a fresh service-concept canvas goes under its frame, off the card, still the frame’s (a11y QA: the keyboard’s note covered the card’s name)', () => {
    const placed = placeNewNote([canvas, card], canvas);
    const added = { ...note('Tom', placed.x, placed.y), parent: placed.parent };
    expect(overlap(added, card)).toEqual({ across: 0, down: 0 });
    expect(added.y).toBeGreaterThanOrEqual(canvas.y + canvas.h);
    expect(added.parent).toBe('canvas');
    // The next one beside it, covering neither.
    const next = placeNewNote([canvas, card, added], canvas);
    expect(overlap({ ...added, ...next }, added)).toEqual({ across: 0, down: 0 });
  });

  it('goes under the frame, never over another note, and in no other frame (QA: a weekly board piled week 3 on weeks 1 and 2)', () => {
    // The retrospective's row: three frames 60 apart; "Ideas" takes six notes.
    const row = [0, 700, 1400].map((x, n) => ({ ...ideas, id: `frame-${n}`, x }));
    const middle = row[1]!;
    const board: Item[] = [...row];
    for (let n = 0; n < 14; n++) {
      const spot = placeNewNote(board, middle);
      board.push({ ...note(`added-${n}`, spot.x, spot.y), parent: spot.parent });
    }
    const notes = board.filter((item) => item.type === 'note');
    expect(overlapping(notes)).toEqual([]);
    expect(notes.every((item) => item.parent === middle.id)).toBe(true);
    // Six in the frame, the rest in rows under it, within its edges (out of the frames beside).
    const inside = notes.filter((item) => item.y + item.h <= middle.y + middle.h);
    expect(inside).toHaveLength(6);
    for (const item of notes.filter((each) => !inside.includes(each))) {
      expect(item.y).toBeGreaterThanOrEqual(middle.y + middle.h);
      expect(item.x).toBeGreaterThanOrEqual(middle.x);
      expect(item.x + item.w).toBeLessThanOrEqual(middle.x + middle.w);
    }
  });

  it('under a frame with another frame below it, goes further down, past that frame', () => {
    const top = { ...ideas, id: 'top', x: 0, y: 0 };
    const below = { ...ideas, id: 'below', x: 0, y: 860 };
    const board: Item[] = [top, below];
    for (let n = 0; n < 7; n++) {
      const spot = placeNewNote(board, top);
      board.push({ ...note(`added-${n}`, spot.x, spot.y), parent: spot.parent });
    }
    const seventh = board.at(-1)!;
    expect(seventh.y).toBeGreaterThanOrEqual(below.y + below.h);
    expect(overlapping(board.filter((item) => item.type === 'note'))).toEqual([]);
  });
});
