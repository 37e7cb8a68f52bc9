/**
 * Which items a round limited to a frame takes votes on (docs/API.md, `frameId`): the server
 * decides with shared insideFrame, and the board marks targets by the same rule.
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
    expect(insideFrame(note(250, 150), 'f1', frame)).toBe(true); // centre (350, 250)
    expect(insideFrame(note(350, 150), 'f1', frame)).toBe(false); // centre (450, 250)
  });

  it("holds its children by parent wherever they lie, and not another frame's", () => {
    expect(insideFrame(note(900, 900, 'f1'), 'f1', frame)).toBe(true);
    expect(insideFrame(note(50, 50, 'f2'), 'f1', frame)).toBe(false);
  });

  it('holds nothing by position once it is gone, but its children still by parent', () => {
    expect(insideFrame(note(50, 50), 'f1', null)).toBe(false);
    expect(insideFrame(note(50, 50, 'f1'), 'f1', null)).toBe(true);
  });

  it('the board marks what the server takes votes on, also once the frame is gone', () => {
    const items = [note(50, 50), note(900, 900), note(900, 900, 'f1'), note(50, 50, 'f2')];
    const marked = (frameNow: Item | undefined) =>
      items.map((item) => isTarget(item, round, frameNow));
    expect(marked(frame)).toEqual([true, false, true, false]);
    // The server still counts a vote for the frame's child (rounds-service: parent === frameId).
    expect(marked(undefined)).toEqual([false, false, true, false]);
    expect(isTarget(note(50, 50), { ...round, itemTypes: ['concept'] }, frame)).toBe(false);
  });
});
