/**
 * Exports run on the event loop every board shares, and any member may ask for one: a report
 * of a board with thousands of frames, or a calendar of a thousand follow-ups, must cost in
 * proportion to the board, not to its square. Work is counted, not timed: every read of an
 * item's field is counted through a Proxy. And the faster reading of which frame holds an item
 * and which text heads a column must say what the rule as written says, on boards of every shape.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outlineSections } from '../../client/src/outline/outline-model.ts';
import { toCsv } from '../../server/follow-through/exports/csv.ts';
import { toIcs } from '../../server/follow-through/exports/ics.ts';
import { toMarkdown } from '../../server/follow-through/exports/markdown.ts';
import {
  addItem,
  type Item,
  itemLabel,
  MAX_COLUMNS,
  readItems,
} from '../../shared/board-document.ts';
import { byDrawingOrder, type StackedItem } from '../../shared/drawing-order.ts';
import type { BoardExport, FollowUp } from '../../shared/follow-through.ts';
import { byColumns, columnOf, type FrameColumn, frameColumns } from '../../shared/frame-columns.ts';
import { type FrameItem, frameLookup } from '../../shared/frame-lookup.ts';
import { boxOf, centre, contains, containsBox } from '../../shared/geometry.ts';
import { boardExport } from '../helpers/board-export.ts';

function exportOf(items: Item[], followUps: FollowUp[] = []): BoardExport {
  return boardExport(items, {
    board: { title: 'Scale', createdAt: '2026-12-05T09:00:00.000Z' },
    members: [{ id: 'm1', name: 'Maija', role: 'participant' }],
    followUps,
  });
}

/** The items, each behind a Proxy that counts every field read of it in `reads.count`. */
function counted(items: Item[]): { items: Item[]; reads: { count: number } } {
  const reads = { count: 0 };
  const proxied = items.map(
    (item) =>
      new Proxy(item, {
        get(target, key, receiver) {
          reads.count++;
          return Reflect.get(target, key, receiver);
        },
      }),
  );
  return { items: proxied, reads };
}

/** n journey-like lanes side by side in a grid, each with two column lines, a note and a heading. */
function lanes(n: number): Item[] {
  const items: Item[] = [];
  const side = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    const x = (i % side) * 1000;
    const y = Math.floor(i / side) * 1000;
    const base = { color: '#fff3a3', createdAt: i + 1 };
    items.push({
      ...base,
      id: `f${i}`,
      type: 'frame',
      x,
      y,
      w: 900,
      h: 600,
      title: `Lane ${i}`,
      columns: [300, 600],
    });
    items.push({
      ...base,
      id: `n${i}`,
      type: 'note',
      x: x + 350,
      y: y + 100,
      w: 200,
      h: 200,
      text: `Idea ${i}`,
    });
    items.push({
      ...base,
      id: `t${i}`,
      type: 'text',
      x: x + 320,
      y: y - 100,
      w: 200,
      h: 60,
      text: `Stage ${i}`,
    });
  }
  return items;
}

describe('an export costs in proportion to the board', () => {
  // Each item is read a few dozen times (40–70 reads each, measured at 100 to 5,000 lanes);
  // checking every text against every frame for every lane, as before, read 135 million times
  // at this size (3.6 billion at 1,500 lanes).
  const n = 500;
  const budget = (items: number) => 20 * items * Math.log2(items);

  it('the report of a board of 500 lanes with headings reads each item a few dozen times', () => {
    const { items, reads } = counted(lanes(n));
    const report = toMarkdown(exportOf(items));
    expect(report).toContain('### Lane 499\n\n- **Stage 499:** Idea 499');
    expect(reads.count).toBeLessThan(budget(items.length));
  });

  it('the spreadsheet of the same board puts each note in its lane and stage, as cheaply', () => {
    const { items, reads } = counted(lanes(n));
    const csv = toCsv(exportOf(items), { table: 'items' });
    expect(csv).toMatch(/n499,note,Lane 499,Idea 499,.*,Stage 499\r\n/);
    expect(reads.count).toBeLessThan(budget(items.length));
  });

  it('the outline of the same board is read as cheaply', () => {
    const { items, reads } = counted(lanes(n));
    const sections = outlineSections(items);
    expect(sections.find((section) => section.frame?.id === 'f7')?.items.map((i) => i.id)).toEqual([
      'n7',
    ]);
    expect(reads.count).toBeLessThan(budget(items.length));
  });

  it('a calendar of 500 follow-ups on a board of 20,000 items looks each item up once', () => {
    const board: Item[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'note',
      x: i,
      y: 0,
      w: 200,
      h: 200,
      color: '#fff3a3',
      createdAt: i + 1,
      text: `Idea ${i}`,
    }));
    const followUps: FollowUp[] = Array.from({ length: 500 }, (_, i) => ({
      id: `u${i}`,
      itemId: `n${19_999 - i}`,
      title: `Task ${i}`,
      owner: { name: '', memberId: 'm1' },
      due: '2026-12-24',
      status: 'open',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-02T10:00:00.000Z',
    }));
    const { items, reads } = counted(board);
    const ics = toIcs(exportOf(items, followUps));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(500);
    expect(ics).toContain('Item: Idea 19500');
    expect(reads.count).toBeLessThan(5 * board.length);
  });

  it(`a lane is read with its leftmost ${MAX_COLUMNS} column lines, however many a client wrote`, () => {
    const doc = new Y.Doc();
    const lines = Array.from({ length: 10_000 }, (_, i) => 10_000 - i);
    addItem(
      doc,
      { type: 'frame', x: 0, y: 0, w: 20_000, h: 400, title: 'Lane', columns: lines },
      'lane',
    );
    const [lane] = readItems(doc);
    expect(lane?.type === 'frame' && lane.columns).toEqual(
      Array.from({ length: MAX_COLUMNS }, (_, i) => i + 1),
    );
    expect(frameColumns(lane!, [lane!])).toHaveLength(MAX_COLUMNS + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// The rule as written (the straightforward reading the exports used before), against which the
// indexed one is checked on random boards.
// ---------------------------------------------------------------------------------------------

function frameOfAsWritten(items: readonly StackedItem[], item: Item): FrameItem | null {
  const frames = items.filter((candidate): candidate is FrameItem => candidate.type === 'frame');
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  const topFirst = [...frames].sort(byDrawingOrder).reverse();
  const below = new Map(topFirst.map((frame, index) => [frame.id, topFirst.slice(index + 1)]));
  const parent = item.parent === undefined ? undefined : byId.get(item.parent);
  if (parent && parent.id !== item.id) return parent;
  const box = boxOf(item);
  if (!box) return null;
  if (item.type === 'frame') {
    const under = below.get(item.id) ?? topFirst.filter((frame) => frame.id !== item.id);
    return under.find((frame) => containsBox(frame, box)) ?? null;
  }
  const middle = centre(box);
  return topFirst.find((frame) => frame.id !== item.id && contains(frame, middle)) ?? null;
}

function columnsAsWritten(frame: Item, items: readonly Item[]): FrameColumn[] {
  if (frame.type !== 'frame' || !frame.columns?.length) return [];
  const edges = [0, ...frame.columns, Math.max(0, frame.w)].map((offset) => frame.x + offset);
  const frames = items.filter((item) => item.type === 'frame' && !containsBox(item, frame));
  const headings = items.flatMap((item) => {
    const box = item.type === 'text' ? boxOf(item) : null;
    if (!box || box.y + box.h > frame.y) return [];
    const middle = centre(box);
    if (frames.some((other) => contains(other, middle))) return [];
    return [{ left: box.x, right: box.x + box.w, bottom: box.y + box.h, name: itemLabel(item) }];
  });
  return edges.slice(0, -1).map((left, index) => {
    const right = edges[index + 1]!;
    const above = headings
      .filter((heading) => heading.name !== '' && heading.left >= left && heading.right <= right)
      .sort((a, b) => b.bottom - a.bottom);
    return { index, left, right, name: above[0]?.name ?? '' };
  });
}

/** A small deterministic random source (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A crowded board: frames nested, overlapping, stacked by z and age, some of no size or a
 * negative one, edges on a coarse grid so that they often meet; notes, texts (some above
 * lanes, some in frames, some empty), strokes and connectors; parents right, wrong and none.
 */
function randomBoard(seed: number): StackedItem[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const grid = () => Math.floor(next() * 12) * 50;
  const size = () => pick([0, 50, 100, 150, 200, 300, 400, 600, -50]);
  const items: StackedItem[] = [];
  const frameCount = 1 + Math.floor(next() * 25);
  for (let i = 0; i < frameCount; i++) {
    const w = size();
    const frame: StackedItem = {
      id: `f${i}`,
      type: 'frame',
      x: grid(),
      y: grid(),
      w,
      h: size(),
      color: '#fff',
      createdAt: Math.floor(next() * 5),
      title: `Frame ${i}`,
    };
    if (next() < 0.5) frame.z = pick([-1, 1, 2, 3]);
    if (next() < 0.6) {
      const count = 1 + Math.floor(next() * 4);
      (frame as FrameItem).columns = Array.from({ length: count }, () =>
        pick([50, 100, 150, 200, 300, w + 50]),
      );
    }
    if (next() < 0.15) frame.parent = `f${Math.floor(next() * frameCount)}`;
    items.push(frame);
  }
  const texts = ['Stage', 'Awareness\nmore', '  ', '', 'Contact', 'Use'];
  for (let i = 0; i < 60; i++) {
    const type = pick(['note', 'note', 'text', 'text', 'stroke', 'connector', 'concept'] as const);
    const base = {
      id: `i${i}`,
      x: grid(),
      y: grid() - 100,
      w: size(),
      h: size(),
      color: '#fff',
      createdAt: i,
    };
    const item: StackedItem =
      type === 'note' || type === 'text'
        ? { ...base, type, text: pick(texts) }
        : type === 'stroke'
          ? { ...base, type, points: next() < 0.2 ? [] : [grid(), grid(), grid(), grid()] }
          : type === 'connector'
            ? { ...base, type, from: 'f0', to: `i${i - 1}` }
            : { ...base, type, title: 'Concept', text: '', fields: {} };
    if (next() < 0.15) item.parent = pick([`f${Math.floor(next() * frameCount)}`, 'gone', item.id]);
    items.push(item);
  }
  return items;
}

describe('the indexed reading says what the rule as written says', () => {
  it('on 150 random boards: every item in the same frame, every column under the same heading', () => {
    const ids = (found: readonly (Item | null | undefined)[]) => found.map((item) => item?.id);
    for (let seed = 1; seed <= 150; seed++) {
      const items = randomBoard(seed);
      const frameOf = frameLookup(items);
      expect(ids(items.map(frameOf)), `board ${seed}`).toEqual(
        ids(items.map((item) => frameOfAsWritten(items, item))),
      );
      // The outline asks with the frames alone, about items that are not among them.
      const frames = items.filter((item) => item.type === 'frame');
      const framesOnly = frameLookup(frames);
      expect(ids(items.map(framesOnly)), `board ${seed}, frames only`).toEqual(
        ids(items.map((item) => frameOfAsWritten(frames, item))),
      );
      for (const frame of frames) {
        const columns = frameColumns(frame, items);
        expect(columns, `board ${seed}, ${frame.id}`).toEqual(columnsAsWritten(frame, items));
        const columnAsWritten = (item: Item) => {
          const box = boxOf(item);
          if (!box || columns.length === 0) return undefined;
          const { x } = centre(box);
          return columns.find((column) => x < column.right) ?? columns.at(-1);
        };
        const found = items.map((item) => columnOf(columns, item));
        expect(found, `board ${seed}, ${frame.id}`).toEqual(items.map(columnAsWritten));
        const within = (a: Item, b: Item) => a.y - b.y || (a.id < b.id ? -1 : 1);
        const index = (item: Item) => columnAsWritten(item)?.index ?? 0;
        const sorted = [...items].sort(byColumns(columns, within));
        const expected = [...items].sort((a, b) => index(a) - index(b) || within(a, b));
        expect(ids(sorted)).toEqual(ids(expected));
      }
    }
  });
});
