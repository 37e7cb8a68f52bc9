/**
 * The board's reading order, which Tab follows on the canvas: frame by frame, each followed by
 * what it holds (a journey lane stage by stage), rows top to bottom, left to right within a
 * row, whatever order the items were made in.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, type Item, itemLabel, itemsOf, readItems } from '../../shared/board-document.ts';
import { inRows, readingOrder } from '../../shared/reading-order.ts';
import { applyTemplate } from '../../shared/templates.ts';

const names = (items: Item[]) => items.map(itemLabel);

function note(doc: Y.Doc, text: string, x: number, y: number, extra: { parent?: string } = {}) {
  return addItem(doc, { type: 'note', x, y, w: 160, h: 120, text, ...extra });
}

describe('reading order', () => {
  it('reads a customer journey lane by lane, each lane stage by stage, not as made', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'customer-journey', 'en');
    const lanes = readItems(doc)
      .filter((item) => item.type === 'frame')
      .sort((a, b) => a.y - b.y);
    // Stage i's column starts at 220 + 320 i; lanes are 240 high from y 0.
    const put = (text: string, lane: number, stage: number, y = 20) =>
      note(doc, text, 240 + stage * 320, lanes[lane]!.y + y, { parent: lanes[lane]!.id });
    put('objects, using', 2, 3);
    put('people, first contact', 0, 2);
    put('people, need, lower', 0, 0, 100);
    put('people, need', 0, 0);
    put('feelings, afterwards', 4, 4);
    const order = names(readingOrder(readItems(doc)));
    expect(order).toEqual([
      'Customer journey',
      'Need arises',
      'Finding the service',
      'First contact',
      'Using the service',
      'Afterwards',
      'People',
      'people, need',
      'people, need, lower',
      'people, first contact',
      'Environments (virtual and physical)',
      'Objects',
      'objects, using',
      'Practices',
      "Customer's feelings",
      'feelings, afterwards',
    ]);
  });

  it('reads notes side by side as one row though one sits a little higher', () => {
    const doc = new Y.Doc();
    note(doc, 'right, higher', 400, 0);
    note(doc, 'left, lower', 0, 40);
    // Reaches a little way into the lower note of the row above: a row of its own.
    note(doc, 'below', 0, 150);
    expect(names(inRows(readItems(doc)))).toEqual(['left, lower', 'right, higher', 'below']);
  });

  it('keeps a staircase of notes in separate rows', () => {
    const doc = new Y.Doc();
    note(doc, 'step 3', 0, 100);
    note(doc, 'step 2', 200, 50);
    note(doc, 'step 1', 400, 0);
    // Each overlaps the next by more than half its height, but step 3 hardly reaches step 1:
    // steps 1 and 2 are one row, read left to right, step 3 the next.
    expect(names(inRows(readItems(doc)))).toEqual(['step 2', 'step 1', 'step 3']);
  });

  it('reads items in no frame among the frames, and a nested frame inside its frame', () => {
    const doc = new Y.Doc();
    const outer = addItem(doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 600, title: 'outer' });
    note(doc, 'outside, beside', 1100, 100);
    note(doc, 'outside, above', 0, -300);
    const inner = addItem(doc, {
      type: 'frame',
      x: 500,
      y: 50,
      w: 400,
      h: 400,
      title: 'inner',
      parent: outer,
    });
    note(doc, 'in inner', 550, 100, { parent: inner });
    note(doc, 'in outer', 50, 100, { parent: outer });
    expect(names(readingOrder(readItems(doc)))).toEqual([
      'outside, above',
      'outer',
      'in outer',
      'inner',
      'in inner',
      'outside, beside',
    ]);
  });

  it('leaves no item out where frames name each other as parent', () => {
    const doc = new Y.Doc();
    const a = addItem(doc, { type: 'frame', x: 0, y: 0, w: 400, h: 400, title: 'a' }, 'frame-a');
    addItem(doc, { type: 'frame', x: 500, y: 0, w: 400, h: 400, title: 'b', parent: a }, 'frame-b');
    itemsOf(doc).get('frame-a')!.set('parent', 'frame-b');
    note(doc, 'free', 0, 500);
    const order = names(readingOrder(readItems(doc)));
    expect(order.sort()).toEqual(['a', 'b', 'free']);
  });
});
