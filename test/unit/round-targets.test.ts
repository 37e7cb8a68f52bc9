/**
 * Which items a round limited to a frame takes votes on (docs/API.md, `frameId`): the server
 * decides with shared insideFrame, and the board marks targets by the same rule. Frames nest as
 * the canvas nests them: by `parent`, else by where the outermost of them lies.
 */
import { describe, expect, it } from 'vitest';
import { isTarget } from '../../client/src/workshop/round-rules.ts';
import type { Item } from '../../shared/board-document.ts';
import { insideFrame, type Round } from '../../shared/facilitation.ts';

const frame: Item = {
  id: 'f1',
  type: 'frame',
  x: 0,
  y: 0,
  w: 400,
  h: 300,
  color: '#f8f9fa',
  createdAt: 0,
  title: 'Ideas',
};
/** A frame of the board, 100 × 100 at (x, y). */
const group = (id: string, x: number, y: number, parent?: string): Item => ({
  ...frame,
  id,
  x,
  y,
  w: 100,
  h: 100,
  title: id,
  ...(parent ? { parent } : {}),
});
const note = (x: number, y: number, parent?: string): Item => ({
  id: `n-${x}-${y}`,
  type: 'note',
  x,
  y,
  w: 200,
  h: 200,
  color: '#fff3a3',
  createdAt: 0,
  text: 'Idea',
  ...(parent ? { parent } : {}),
});
/** The board's items by id, as the server and the board look them up. */
const board = (...items: Item[]) => {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (id: string) => byId.get(id);
};
const withFrame = board(frame, group('f2', 1000, 1000));

const round = {
  id: 'r1',
  title: 'Round 1',
  status: 'open',
  budget: 3,
  maxPerItem: 3,
  itemTypes: ['note'],
  frameId: 'f1',
  anonymous: true,
  durationSec: null,
  openedAt: '2026-01-01T00:00:00.000Z',
  closesAt: null,
  closedAt: null,
  voters: 0,
} satisfies Round;

describe("a round's frame", () => {
  it('holds the items whose centre lies in it, when they have no parent', () => {
    expect(insideFrame(note(250, 150), 'f1', withFrame)).toBe(true); // centre (350, 250)
    expect(insideFrame(note(350, 150), 'f1', withFrame)).toBe(false); // centre (450, 250)
  });

  it("holds its children by parent wherever they lie, and not another frame's", () => {
    expect(insideFrame(note(900, 900, 'f1'), 'f1', withFrame)).toBe(true);
    // f2 lies outside f1: its child is not in f1, even lying over f1.
    expect(insideFrame(note(50, 50, 'f2'), 'f1', withFrame)).toBe(false);
  });

  it('holds the items of frames nested in it, by parent or by where the nested frame lies', () => {
    const nested = board(
      frame,
      group('g-child', 2000, 2000, 'f1'), // f1's child by parent, wherever it lies
      group('g-inside', 100, 100), // no parent; its centre (150, 150) lies in f1
      group('g-deeper', 3000, 3000, 'g-child'),
      group('g-outside', 600, 100), // centre (650, 150), outside f1
    );
    expect(insideFrame(note(0, 0, 'g-child'), 'f1', nested)).toBe(true);
    expect(insideFrame(note(5000, 5000, 'g-inside'), 'f1', nested)).toBe(true);
    expect(insideFrame(note(0, 0, 'g-deeper'), 'f1', nested)).toBe(true);
    // Lying over f1 does not take a note out of its own frame outside it.
    expect(insideFrame(note(50, 50, 'g-outside'), 'f1', nested)).toBe(false);
  });

  it('reads a parent that names no frame as none: the item is where it lies', () => {
    const gone = board(frame, note(0, 0));
    expect(insideFrame(note(50, 50, 'deleted-frame'), 'f1', gone)).toBe(true);
    expect(insideFrame(note(900, 900, 'deleted-frame'), 'f1', gone)).toBe(false);
    // A parent that is a note, not a frame (a foreign client's data).
    expect(insideFrame(note(50, 50, 'n-0-0'), 'f1', gone)).toBe(true);
  });

  it('holds no item whose frames are parents of one another in a loop', () => {
    const loop = board(frame, group('a', 100, 100, 'b'), group('b', 100, 100, 'a'));
    expect(insideFrame(note(120, 120, 'a'), 'f1', loop)).toBe(false);
  });

  it('holds nothing by position once it is gone, but its children still by parent', () => {
    const gone = board(group('f2', 1000, 1000));
    expect(insideFrame(note(50, 50), 'f1', gone)).toBe(false);
    expect(insideFrame(note(50, 50, 'f1'), 'f1', gone)).toBe(true);
  });

  it('the board marks what the server takes votes on, also once the frame is gone', () => {
    const items = [note(50, 50), note(900, 900), note(900, 900, 'f1'), note(50, 50, 'f2')];
    const marked = (frameOf: (id: string) => Item | undefined) =>
      items.map((item) => isTarget(item, round, frameOf));
    expect(marked(withFrame)).toEqual([true, false, true, false]);
    // The server still counts a vote for the frame's child (rounds-service: parent === frameId).
    expect(marked(board(group('f2', 1000, 1000)))).toEqual([false, false, true, false]);
    expect(isTarget(note(50, 50), { ...round, itemTypes: ['concept'] }, withFrame)).toBe(false);
  });
});
