/**
 * My undo on the canvas (client/src/canvas/model/undo.ts) beside a collaborator's edits: a drag
 * called off with Escape takes back only what the drag wrote, whatever the collaborator did to
 * the dragged item meanwhile, and my step before the drag stays mine to undo.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CanvasUndo } from '../../client/src/canvas/model/undo.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';

/** My document and a collaborator's, each change passed straight to the other. */
function twoPeople() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(theirs, update, 'remote');
  });
  theirs.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(mine, update, 'remote');
  });
  const origin = { canvas: true };
  const undo = new CanvasUndo([mine], origin);
  undo.attach();
  let a = '';
  let b = '';
  theirs.transact(() => {
    a = addItem(theirs, { type: 'note', x: 0, y: 0, text: 'A' });
    b = addItem(theirs, { type: 'note', x: 400, y: 0, text: 'B' });
  });
  const edit = (fn: () => void) => mine.transact(fn, origin);
  const at = (doc: Y.Doc, id: string) => {
    const map = itemsOf(doc).get(id);
    return map ? { x: map.get('x'), y: map.get('y') } : null;
  };
  return { mine, theirs, undo, a, b, edit, at };
}

/** I nudge A (one step), then drag B a few frames: the drag is under way. */
function nudgeThenDrag(people: ReturnType<typeof twoPeople>) {
  const { mine, undo, a, b, edit } = people;
  edit(() => itemsOf(mine).get(a)?.set('x', 10));
  undo.boundary();
  undo.beginGesture();
  for (const x of [420, 440, 460]) edit(() => itemsOf(mine).get(b)?.set('x', x));
}

describe('undo beside a collaborator', () => {
  it('a drag called off puts the item back and leaves my step before it to undo', () => {
    const people = twoPeople();
    nudgeThenDrag(people);
    expect(people.undo.revertGesture()).toBe(true);
    expect(people.at(people.theirs, people.b)).toEqual({ x: 400, y: 0 });
    expect(people.at(people.theirs, people.a)).toEqual({ x: 10, y: 0 });
    people.undo.undo();
    expect(people.at(people.theirs, people.a)).toEqual({ x: 0, y: 0 });
  });

  it('a drag called off after someone else deleted the dragged note leaves my step before it alone', () => {
    const people = twoPeople();
    nudgeThenDrag(people);
    people.theirs.transact(() => itemsOf(people.theirs).delete(people.b));
    people.undo.revertGesture();
    // Nothing of the drag is left to take back; my nudge is still done, and still mine to undo.
    expect(people.at(people.theirs, people.a)).toEqual({ x: 10, y: 0 });
    expect(people.undo.canUndo()).toBe(true);
    people.undo.undo();
    expect(people.at(people.theirs, people.a)).toEqual({ x: 0, y: 0 });
  });

  it('a drag called off after someone else moved the dragged note leaves it there, and my step before it alone', () => {
    const people = twoPeople();
    nudgeThenDrag(people);
    people.theirs.transact(() => itemsOf(people.theirs).get(people.b)?.set('x', 900));
    people.undo.revertGesture();
    expect(people.at(people.theirs, people.b)).toEqual({ x: 900, y: 0 });
    expect(people.at(people.theirs, people.a)).toEqual({ x: 10, y: 0 });
  });

  it('a gesture called off before it wrote anything leaves redo as it was', () => {
    const { undo, a, edit, at, mine } = twoPeople();
    edit(() => itemsOf(mine).get(a)?.set('x', 10));
    undo.undo();
    expect(at(mine, a)?.x).toBe(0);
    expect(undo.canRedo()).toBe(true);
    undo.beginGesture();
    undo.revertGesture();
    expect(undo.canRedo()).toBe(true);
    undo.redo();
    expect(at(mine, a)?.x).toBe(10);
  });
});
