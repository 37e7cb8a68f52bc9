/**
 * Where an item lies (shared/geometry.ts): one reading for the canvas, the SVG picture and the
 * exports' frame lookup, so an item is in the same place on the board and in every file.
 */
import { describe, expect, it } from 'vitest';
import * as canvas from '../../client/src/canvas/model/geometry.ts';
import type { Item } from '../../shared/board-document.ts';
import {
  boundsOf,
  boxOf,
  connectorEnds,
  contains,
  containsBox,
  MIN_CONNECTOR_LENGTH,
  strokeBox,
  strokePoints,
} from '../../shared/geometry.ts';

const base = { id: 'i', x: 10, y: 20, w: 200, h: 100, color: '#fff3a3', createdAt: 0 };
const note = (extra: Partial<typeof base> = {}): Item => ({
  ...base,
  ...extra,
  type: 'note',
  text: 'Idea',
});
const stroke = (points: number[]): Item => ({ ...base, type: 'stroke', points });

describe("an item's box", () => {
  it('is where the item says it is', () => {
    expect(boxOf(note())).toEqual({ x: 10, y: 20, w: 200, h: 100 });
  });

  it('draws a negative width or height as 0, at the item’s corner', () => {
    expect(boxOf(note({ w: -50, h: -5 }))).toEqual({ x: 10, y: 20, w: 0, h: 0 });
  });

  it("is a stroke's points, whatever its x, y, w and h say", () => {
    expect(boxOf(stroke([100, 300, 40, 320, 70, 310]))).toEqual({ x: 40, y: 300, w: 60, h: 20 });
  });

  it('is none for a connector, a stroke without points, or a box not made of finite numbers', () => {
    const connector: Item = { ...base, type: 'connector', from: 'a', to: 'b' };
    expect(boxOf(connector)).toBeNull();
    expect(boxOf(stroke([]))).toBeNull();
    expect(boxOf(stroke([Number.NaN, 1, 5]))).toBeNull();
    expect(boxOf(note({ x: Number.POSITIVE_INFINITY }))).toBeNull();
    expect(boxOf(note({ w: Number.NaN }))).toBeNull();
  });

  it('is the same rule on the canvas', () => {
    expect(canvas.boxOf).toBe(boxOf);
    expect(canvas.boundsOf).toBe(boundsOf);
  });
});

describe('stroke points and bounds', () => {
  it('pairs a flat array, dropping a trailing odd number and non-finite pairs', () => {
    expect(strokePoints([1, 2, Number.NaN, 4, 5, 6, 7])).toEqual([
      { x: 1, y: 2 },
      { x: 5, y: 6 },
    ]);
  });

  it('bounds points and boxes together; none for nothing', () => {
    expect(
      boundsOf([
        { x: 5, y: 5 },
        { x: 0, y: 10, w: 20, h: 2 },
      ]),
    ).toEqual({
      x: 0,
      y: 5,
      w: 20,
      h: 7,
    });
    expect(boundsOf([])).toBeNull();
  });

  it('bounds a stroke of more points than a function call takes arguments', () => {
    const points = Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? i : -i));
    expect(strokeBox(points)).toEqual({ x: 0, y: -299_999, w: 299_998, h: 299_998 });
  });
});

describe('inside a box', () => {
  const box = { x: 0, y: 0, w: 100, h: 50 };

  it('a point on the edge is inside, one just past it is not', () => {
    expect(contains(box, { x: 100, y: 50 })).toBe(true);
    expect(contains(box, { x: 100.5, y: 0 })).toBe(false);
  });

  it('a box lies inside only wholly, edges included', () => {
    expect(containsBox(box, box)).toBe(true);
    expect(containsBox(box, { x: 10, y: 10, w: 90, h: 40 })).toBe(true);
    expect(containsBox(box, { x: 10, y: 10, w: 91, h: 40 })).toBe(false);
  });
});

describe('connector ends', () => {
  const note = (x: number, y: number) => ({ x, y, w: 200, h: 200 });

  it('run from edge to edge between items apart', () => {
    expect(connectorEnds(note(0, 0), note(400, 0))).toEqual({
      start: { x: 200, y: 100 },
      end: { x: 400, y: 100 },
    });
  });

  it('between items that touch or overlap, cross the seam at the shortest drawn length (QA: a point)', () => {
    const touching = connectorEnds(note(0, 0), note(200, 0));
    expect(touching).toEqual({
      start: { x: 200 - MIN_CONNECTOR_LENGTH / 2, y: 100 },
      end: { x: 200 + MIN_CONNECTOR_LENGTH / 2, y: 100 },
    });
    const overlapping = connectorEnds(note(0, 0), note(150, 150));
    const length = Math.hypot(
      overlapping.end.x - overlapping.start.x,
      overlapping.end.y - overlapping.start.y,
    );
    expect(length).toBeCloseTo(MIN_CONNECTOR_LENGTH);
    // Still from the first towards the second.
    expect(overlapping.end.x).toBeGreaterThan(overlapping.start.x);
    expect(overlapping.end.y).toBeGreaterThan(overlapping.start.y);
    // One on the other: drawn across, not a point.
    const same = connectorEnds(note(0, 0), note(0, 0));
    expect(same.end.x - same.start.x).toBe(MIN_CONNECTOR_LENGTH);
  });
});
