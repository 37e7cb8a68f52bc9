/**
 * The order the board draws items in (shared/drawing-order.ts), and the frame a thing lies in
 * where frames overlap: the one drawn on top, on the canvas, in the outline and in the exports.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeAccess } from '../../client/src/board/write-access.ts';
import { BoardModel } from '../../client/src/canvas/model/board-model.ts';
import {
  frameAt,
  framesTopFirst,
  snapToFrames,
} from '../../client/src/canvas/model/edit-actions.ts';
import { outlineSections } from '../../client/src/outline/outline-model.ts';
import { addItem, itemsOf, readItem, readItems } from '../../shared/board-document.ts';
import { byDrawingOrder, withStacking, Z_FIELD, zOf } from '../../shared/drawing-order.ts';
import { frameLookup } from '../../shared/frame-lookup.ts';

describe('drawing order', () => {
  const base = { createdAt: 100 };
  it('frames below connectors below everything else, whatever their z', () => {
    const items = [
      { ...base, id: 'n', type: 'note' as const, z: -5 },
      { ...base, id: 'c', type: 'connector' as const, z: 9 },
      { ...base, id: 'f', type: 'frame' as const, z: 50 },
    ];
    expect(items.sort(byDrawingOrder).map((i) => i.id)).toEqual(['f', 'c', 'n']);
  });

  it('within a layer by z (missing or not a number is 0), then oldest first, then id', () => {
    const items = [
      { id: 'b', type: 'note' as const, createdAt: 5 },
      { id: 'a', type: 'note' as const, createdAt: 5 },
      { id: 'old', type: 'note' as const, createdAt: 1 },
      { id: 'top', type: 'note' as const, createdAt: 0, z: 2 },
      { id: 'nan', type: 'note' as const, createdAt: 3, z: Number.NaN },
      { id: 'low', type: 'note' as const, createdAt: 9, z: -1 },
    ];
    expect(items.sort(byDrawingOrder).map((i) => i.id)).toEqual([
      'low',
      'old',
      'nan',
      'a',
      'b',
      'top',
    ]);
  });

  it('an item map’s z: a finite number, else 0', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, { type: 'note', x: 0, y: 0 });
    const map = itemsOf(doc).get(id)!;
    expect(zOf(map)).toBe(0);
    map.set(Z_FIELD, 7);
    expect(zOf(map)).toBe(7);
    map.set(Z_FIELD, Number.POSITIVE_INFINITY);
    expect(zOf(map)).toBe(0);
    map.set(Z_FIELD, '3');
    expect(zOf(map)).toBe(0);
  });
});

describe('the frame at a point', () => {
  /** A small frame, and a big one drawn over part of it (higher z), as a board has them. */
  function overlapping() {
    const doc = new Y.Doc();
    const small = addItem(doc, { type: 'frame', x: 0, y: 0, w: 400, h: 400, title: 'Small' });
    const big = addItem(doc, { type: 'frame', x: 200, y: 200, w: 800, h: 600, title: 'Big' });
    itemsOf(doc).get(small)!.set(Z_FIELD, 1);
    itemsOf(doc).get(big)!.set(Z_FIELD, 2);
    // A facilitator's board, nothing locked: everything open.
    const access = writeAccess('facilitator', null, false);
    return { doc, small, big, model: new BoardModel(doc, null, () => access) };
  }

  it('where frames overlap, the one on top, not the smallest', () => {
    const { small, big, model } = overlapping();
    const frames = framesTopFirst(model.all());
    expect(frames.map((f) => f.id)).toEqual([big, small]);
    expect(frameAt(frames, { x: 300, y: 300 })?.id).toBe(big);
    expect(frameAt(frames, { x: 100, y: 100 })?.id).toBe(small);
    expect(frameAt(frames, { x: 1100, y: 100 })).toBeNull();
    // One that cannot take it is passed over for the next one down.
    expect(frameAt(frames, { x: 300, y: 300 }, (f) => f.id !== big)?.id).toBe(small);
    // By z, not by age: the older frame brought to the front is the one on top.
    itemsOf(model.doc).get(small)!.set(Z_FIELD, 3);
    expect(frameAt(framesTopFirst(model.all()), { x: 300, y: 300 })?.id).toBe(small);
  });

  it('a note dropped there belongs to the same frame on the board and in the exports', () => {
    const { doc, big, model } = overlapping();
    const note = addItem(doc, { type: 'note', x: 250, y: 250, w: 100, h: 100 });
    snapToFrames(model, [note]);
    const snapped = readItem(note, itemsOf(doc).get(note));
    expect(snapped?.parent).toBe(big);
    // The exports' own reading, without the parent the board wrote.
    const items = readItems(doc).map((item) => ({ ...item, z: zOf(itemsOf(doc).get(item.id)!) }));
    const { parent: _, ...unparented } = snapped!;
    expect(frameLookup(items)(unparented)?.id).toBe(big);
  });

  it('the outline lists a note where frames overlap under the one on top, as the exports do', () => {
    const { doc, small, big } = overlapping();
    // Written by a client that sets no parent: only where it lies says which frame it is in.
    const note = addItem(doc, { type: 'note', x: 250, y: 250, w: 100, h: 100, text: 'Both' });
    // As the outline view reads it: the items as read, the frames with their z.
    const outline = () => {
      const items = readItems(doc);
      const frames = withStacking(
        doc,
        items.filter((item) => item.type === 'frame'),
      );
      return { items, sections: outlineSections(items, undefined, frameLookup(frames)) };
    };
    const sectionOf = () =>
      outline().sections.find((section) => section.items.some((item) => item.id === note))?.frame
        ?.id;
    const exportsFrame = () =>
      frameLookup(withStacking(doc, readItems(doc)))(readItem(note, itemsOf(doc).get(note))!)?.id;
    // The small frame comes first in reading order; the big one is drawn over it.
    expect(sectionOf()).toBe(big);
    expect(exportsFrame()).toBe(big);
    itemsOf(doc).get(small)!.set(Z_FIELD, 3);
    expect(sectionOf()).toBe(small);
    expect(exportsFrame()).toBe(small);
    // The sections hold the items' own objects, a frame with a z too: a memoised row, and the
    // round's frame compared by object, see the same item until it changes.
    const { items, sections } = outline();
    for (const section of sections) {
      if (section.frame) expect(items).toContain(section.frame);
      for (const item of section.items) expect(items).toContain(item);
    }
    // A parent that names no frame (its frame was deleted) counts as none in both.
    itemsOf(doc).get(note)!.set('parent', 'gone');
    expect(sectionOf()).toBe(small);
    expect(exportsFrame()).toBe(small);
  });

  it('a frame is not its own frame, and a note as big as a frame lies over it, not in it', () => {
    const { doc, big, model } = overlapping();
    const wide = addItem(doc, { type: 'note', x: 200, y: 200, w: 800, h: 600 });
    snapToFrames(model, [big, wide]);
    expect(readItem(big, itemsOf(doc).get(big))?.parent).toBeUndefined();
    expect(readItem(wide, itemsOf(doc).get(wide))?.parent).toBeUndefined();
  });
});
