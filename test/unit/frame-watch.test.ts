/**
 * The round's frame, watched once for every item's overlay (client/src/workshop/frame-watch.ts):
 * items in no frame take votes by where the frame lies, so its listeners must hear it move,
 * resize, go or come back, and nothing else about it.
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
  const frameMap = () => itemsOf(doc).get(frameId) as ItemMap;
  return { doc, frameId, noteId, frameMap };
}

describe('the round frame watch', () => {
  it('tells its listeners when the frame moves or resizes, not when its colour or title change', () => {
    const { doc, frameId, frameMap } = board();
    const watch = new FrameWatch(doc);
    let heard = 0;
    const stop = watch.subscribe(frameId, () => heard++);
    frameMap().set('color', '#ffd6a5');
    frameMap().set('title', 'Topic, renamed');
    expect(heard).toBe(0);
    doc.transact(() => {
      frameMap().set('x', 300);
      frameMap().set('y', 20);
    });
    expect(heard).toBe(1);
    frameMap().set('w', 600);
    expect(heard).toBe(2);
    expect(watch.frame(frameId)).toMatchObject({ x: 300, y: 20, w: 600, h: 300 });
    stop();
  });

  it('a loose note comes into the round when the frame is moved over it, and leaves with it', () => {
    const { doc, frameId, noteId, frameMap } = board();
    const watch = new FrameWatch(doc);
    const round = { itemTypes: ['note' as const], frameId };
    const note = readItem(noteId, itemsOf(doc).get(noteId))!;
    const targets: boolean[] = [];
    const stop = watch.subscribe(frameId, () =>
      targets.push(isTarget(note, round, watch.frame(frameId))),
    );
    expect(isTarget(note, round, watch.frame(frameId))).toBe(false);
    frameMap().set('x', 300);
    frameMap().set('x', 0);
    expect(targets).toEqual([true, false]);
    stop();
  });

  it('hears the frame deleted, and a frame written anew under its id', () => {
    const { doc, frameId, frameMap } = board();
    const watch = new FrameWatch(doc);
    let heard = 0;
    const stop = watch.subscribe(frameId, () => heard++);
    // Another item coming or going is no news.
    addItem(doc, { type: 'note', x: 0, y: 0, text: 'Another' });
    expect(heard).toBe(0);
    itemsOf(doc).delete(frameId);
    expect(heard).toBe(1);
    expect(watch.frame(frameId)).toBeUndefined();
    addItem(doc, { type: 'frame', x: 50, y: 50, w: 200, h: 200 }, frameId);
    expect(heard).toBe(2);
    // The new map is the one watched now.
    frameMap().set('x', 60);
    expect(heard).toBe(3);
    expect(watch.frame(frameId)).toMatchObject({ x: 60, y: 50 });
    stop();
  });

  it('stops observing when the last listener leaves, and starts again for the next', () => {
    const { doc, frameId, frameMap } = board();
    const watch = new FrameWatch(doc);
    let first = 0;
    let second = 0;
    const stopFirst = watch.subscribe(frameId, () => first++);
    const stopSecond = watch.subscribe(frameId, () => second++);
    frameMap().set('x', 10);
    stopFirst();
    frameMap().set('x', 20);
    stopSecond();
    frameMap().set('x', 30);
    expect([first, second]).toEqual([1, 2]);
    // Read straight from the document while nobody listens.
    expect(watch.frame(frameId)).toMatchObject({ x: 30 });
    let third = 0;
    const stopThird = watch.subscribe(frameId, () => third++);
    frameMap().set('x', 40);
    expect(third).toBe(1);
    stopThird();
  });
});
