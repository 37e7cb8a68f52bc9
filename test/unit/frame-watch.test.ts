/**
 * The board's frames, watched once for every item's overlay (client/src/workshop/frame-watch.ts):
 * items take votes in a frame round by their chain of frames and where it ends, so the watch's
 * listeners must hear a frame move, resize, change parent, go or come back, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FrameWatch } from '../../client/src/workshop/frame-watch.ts';
import { isTarget } from '../../client/src/workshop/round-rules.ts';
import { addItem, type ItemMap, itemsOf, readItem } from '../../shared/board-document.ts';

function board() {
  const doc = new Y.Doc();
  const frameId = addItem(doc, { type: 'frame', x: 0, y: 0, w: 400, h: 300, title: 'Topic' });
  const noteId = addItem(doc, { type: 'note', x: 500, y: 100, w: 100, h: 100, text: 'Loose' });
  const mapOf = (id: string) => itemsOf(doc).get(id) as ItemMap;
  return { doc, frameId, noteId, frameMap: () => mapOf(frameId), mapOf };
}

/** Whether `noteId` takes votes in a round on `frameId`: now, and each time the watch speaks. */
function followTarget(doc: Y.Doc, frameId: string, noteId: string) {
  const watch = new FrameWatch(doc);
  const round = { itemTypes: ['note' as const], frameId };
  const note = readItem(noteId, itemsOf(doc).get(noteId))!;
  const heard: boolean[] = [];
  const stop = watch.subscribe(() => heard.push(isTarget(note, round, watch.frameOf)));
  return { now: isTarget(note, round, watch.frameOf), heard, stop };
}

describe('the frame watch', () => {
  it('tells its listeners when a frame moves or resizes, not when its colour or title change', () => {
    const { doc, frameId, noteId, frameMap, mapOf } = board();
    const watch = new FrameWatch(doc);
    let heard = 0;
    const stop = watch.subscribe(() => heard++);
    frameMap().set('color', '#ffd6a5');
    frameMap().set('title', 'Topic, renamed');
    // A note moving, or its text changing, is no news either.
    mapOf(noteId).set('x', 520);
    (mapOf(noteId).get('text') as Y.Text).insert(0, 'A ');
    expect(heard).toBe(0);
    doc.transact(() => {
      frameMap().set('x', 300);
      frameMap().set('y', 20);
    });
    expect(heard).toBe(1);
    frameMap().set('w', 600);
    expect(heard).toBe(2);
    expect(watch.frameOf(frameId)).toMatchObject({ x: 300, y: 20, w: 600, h: 300 });
    stop();
  });

  it('a loose note comes into the round when the frame is moved over it, and leaves with it', () => {
    const { doc, frameId, noteId, frameMap } = board();
    const { now, heard, stop } = followTarget(doc, frameId, noteId);
    expect(now).toBe(false);
    frameMap().set('x', 300);
    frameMap().set('x', 0);
    expect(heard).toEqual([true, false]);
    stop();
  });

  it("a group frame's notes come into the round when it is dropped in the round's frame", () => {
    const { doc, frameId, mapOf } = board();
    const groupId = addItem(doc, { type: 'frame', x: 1000, y: 0, w: 300, h: 300, title: 'Group' });
    const noteId = addItem(doc, { type: 'note', x: 1050, y: 50, text: 'Grouped', parent: groupId });
    const { now, heard, stop } = followTarget(doc, frameId, noteId);
    expect(now).toBe(false);
    // Dropped into the round's frame: the canvas sets the group's parent (snapToFrames).
    mapOf(groupId).set('parent', frameId);
    expect(heard).toEqual([true]);
    mapOf(groupId).delete('parent');
    expect(heard).toEqual([true, false]);
    // The round's frame moved over the group (no parent): the group's centre is in it now.
    mapOf(frameId).set('x', 1000);
    expect(heard).toEqual([true, false, true]);
    stop();
  });

  it('hears a frame deleted, and a frame written anew under its id', () => {
    const { doc, frameId, frameMap } = board();
    const watch = new FrameWatch(doc);
    let heard = 0;
    const stop = watch.subscribe(() => heard++);
    // Another item coming or going is no news.
    const other = addItem(doc, { type: 'note', x: 0, y: 0, text: 'Another' });
    itemsOf(doc).delete(other);
    expect(heard).toBe(0);
    itemsOf(doc).delete(frameId);
    expect(heard).toBe(1);
    expect(watch.frameOf(frameId)).toBeUndefined();
    addItem(doc, { type: 'frame', x: 50, y: 50, w: 200, h: 200 }, frameId);
    expect(heard).toBe(2);
    // The new map is the one watched now.
    frameMap().set('x', 60);
    expect(heard).toBe(3);
    expect(watch.frameOf(frameId)).toMatchObject({ x: 60, y: 50 });
    stop();
  });

  it('stops observing when the last listener leaves, and starts again for the next', () => {
    const { doc, frameId, frameMap } = board();
    const watch = new FrameWatch(doc);
    let first = 0;
    let second = 0;
    const stopFirst = watch.subscribe(() => first++);
    const stopSecond = watch.subscribe(() => second++);
    frameMap().set('x', 10);
    stopFirst();
    frameMap().set('x', 20);
    stopSecond();
    frameMap().set('x', 30);
    expect([first, second]).toEqual([1, 2]);
    // Read straight from the document while nobody listens.
    expect(watch.frameOf(frameId)).toMatchObject({ x: 30 });
    let third = 0;
    const stopThird = watch.subscribe(() => third++);
    frameMap().set('x', 40);
    expect(third).toBe(1);
    stopThird();
  });
});
