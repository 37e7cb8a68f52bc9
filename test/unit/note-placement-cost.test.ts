/**
 * Placing notes costs about the same per note however many there are and however big their
 * frame is (shared/note-placement.ts): the reveal places every private note in one go on the
 * server, whose one event loop serves every board (QA: a dozen notes revealed into a frame a
 * million units across held it 10 s, 2,000 into one 20,000 across 15 s). Counted in the cells,
 * spots and items a NotePlacer looks at, never in time.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/board-document.ts';
import { NotePlacer, spotAside } from '../../shared/note-placement.ts';
import { onSameSpot } from '../../shared/note-spots.ts';

const frameOf = (side: number): Item => ({
  id: 'frame',
  type: 'frame',
  x: 0,
  y: 0,
  w: side,
  h: side,
  title: 'Everything',
  color: '#f8f9fa',
  createdAt: 0,
});

/** `count` notes written on one spot (each writer's first free cell), in `frame` or on none. */
const written = (count: number, frame: Item | null): Item[] =>
  Array.from({ length: count }, (_, n) => ({
    id: `note-${n}`,
    type: 'note',
    x: 20,
    y: 60,
    w: 200,
    h: 200,
    text: `idea ${n}`,
    color: '#fff3a3',
    createdAt: n,
    ...(frame ? { parent: frame.id } : {}),
  }));

/** Places the notes as the reveal does; where they went, and the looks it took. */
function reveal(board: Item[], notes: Item[]) {
  const placer = new NotePlacer(board);
  const moved = placer.reveal(notes);
  const placed = notes.map((note) => ({ ...note, ...moved.get(note.id) }));
  return { placed, looks: placer.looks };
}

const apart = (notes: Item[]) =>
  notes.every((a, i) => notes.slice(i + 1).every((b) => !onSameSpot(a, b)));

describe('placing notes costs the same per note, whatever the frame’s size (QA)', () => {
  it('a note revealed onto another in a frame a hundred million units across goes aside, beside it', () => {
    const frame = frameOf(1e8);
    const [first, second] = written(2, frame) as [Item, Item];
    expect(spotAside([frame, first, second], second)).toEqual({ x: 240, y: 60 });
  });

  it('a dozen notes revealed onto one spot of a frame a million units across each go aside, looking at a few hundred things at most', () => {
    const frame = frameOf(1e6);
    const { placed, looks } = reveal([frame], written(12, frame));
    expect(apart(placed)).toBe(true);
    expect(placed.map((note) => note.x)).toEqual([
      20,
      ...placed.slice(1).map((_, n) => 240 + n * 220),
    ]);
    expect(looks).toBeLessThan(500);
  });

  it('a frame under one big card (every cell taken) piles the notes without walking its area', () => {
    const frame = frameOf(1e6);
    const card = { ...frameOf(1e6), id: 'card', type: 'text', text: '', parent: 'frame' } as Item;
    const { placed, looks } = reveal([frame, card], written(12, frame));
    expect(apart(placed)).toBe(true);
    for (const note of placed) expect(note.x + note.w).toBeLessThanOrEqual(frame.w);
    expect(looks).toBeLessThan(20_000);
  });

  it('2,000 notes revealed onto one spot of a frame 20,000 across: a handful of looks each, not one per note placed before', () => {
    const frame = frameOf(20_000);
    const few = reveal([frame], written(500, frame));
    const many = reveal([frame], written(2_000, frame));
    expect(apart(many.placed)).toBe(true);
    // Some 22 each: 15 to find its cell, the rest asking whether it covers another's words where
    // it was written and where it goes.
    expect(many.looks / 2_000).toBeLessThan(25);
    expect(many.looks / 2_000).toBeLessThan((2 * few.looks) / 500);
  });

  it('8,000 notes revealed onto one spot of no frame: a handful of looks each, as for 2,000', () => {
    const few = reveal([], written(2_000, null));
    const many = reveal([], written(8_000, null));
    expect(many.looks / 8_000).toBeLessThan(100);
    expect(many.looks / 8_000).toBeLessThan((1.5 * few.looks) / 2_000);
  });
});
