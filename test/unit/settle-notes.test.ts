/**
 * Notes added at once by people who could not see each other's (the same free cell of a lane)
 * end on separate spots once the pages hear of each other: the later made goes aside, moved by
 * its own page only (client/src/board/settle-notes.ts). Real Yjs documents, relayed by hand.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { settleOwnNotes } from '../../client/src/board/settle-notes.ts';
import { addItem, readItems } from '../../shared/board-document.ts';
import { placeNewNote } from '../../shared/note-placement.ts';
import { onSameSpot } from '../../shared/note-spots.ts';
import { applyTemplate } from '../../shared/templates.ts';

const NET = { net: true };

/** Pages on one board whose updates wait until `deliver()`: each adds unseen by the others. */
function pages(count: number, canMove = () => true) {
  const board = new Y.Doc();
  applyTemplate(board, 'customer-journey', 'en');
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board), NET);
    return doc;
  });
  const queue: { from: Y.Doc; update: Uint8Array }[] = [];
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== NET) queue.push({ from: doc, update });
    });
    settleOwnNotes(doc, canMove);
  }
  const deliver = () => {
    while (queue.length > 0) {
      const { from, update } = queue.shift()!;
      for (const doc of docs) if (doc !== from) Y.applyUpdate(doc, update, NET);
    }
  };
  const lane = readItems(docs[0]!).find(
    (item) => item.type === 'frame' && item.title === 'People',
  )!;
  const notes = (doc: Y.Doc) => readItems(doc).filter((item) => item.type === 'note');
  return { docs, deliver, lane, notes };
}

describe('notes added at once on one spot', () => {
  it('two: the later made goes aside, the earlier stays, and both pages agree', () => {
    const { docs, deliver, lane, notes } = pages(2);
    const [aino, bo] = docs as [Y.Doc, Y.Doc];
    const spot = placeNewNote(readItems(aino), lane);
    const first = addItem(aino, {
      type: 'note',
      ...spot,
      parent: lane.id,
      text: 'A',
      createdAt: 1000,
    });
    addItem(bo, { type: 'note', ...spot, parent: lane.id, text: 'B', createdAt: 2000 });
    deliver();
    const [a, b] = notes(aino).sort((x, y) => x.createdAt - y.createdAt);
    if (!a || !b) throw new Error('two notes');
    expect(a.id).toBe(first);
    expect([a.x, a.y]).toEqual([spot.x, spot.y]);
    expect(onSameSpot(a, b)).toBe(false);
    expect(b.parent).toBe(lane.id);
    expect(JSON.stringify(notes(bo).sort((x, y) => x.createdAt - y.createdAt))).toBe(
      JSON.stringify([a, b]),
    );
  });

  it('four phones adding two each into one lane (QA: 8 notes on 3 spots): every note on a spot of its own', () => {
    const { docs, deliver, lane, notes } = pages(4);
    const spot = placeNewNote(readItems(docs[0]!), lane);
    for (let round = 0; round < 2; round++) {
      for (const [n, doc] of docs.entries()) {
        // Each page's own next free cell, unseen by the others until delivered.
        const own = placeNewNote(readItems(doc), lane);
        addItem(doc, { type: 'note', ...own, parent: lane.id, text: `${n}-${round}` });
      }
      deliver();
    }
    const all = notes(docs[0]!);
    expect(all).toHaveLength(8);
    expect(all.some((note) => note.x === spot.x && note.y === spot.y)).toBe(true);
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) expect(onSameSpot(a, b)).toBe(false);
    }
    for (const doc of docs.slice(1)) {
      expect(
        notes(doc)
          .map((n) => [n.id, n.x, n.y])
          .sort(),
      ).toEqual(all.map((n) => [n.id, n.x, n.y]).sort());
    }
  });

  it('stays for a frame or a label laid over it, and for an older note dragged onto it (review)', () => {
    const { docs, deliver, notes } = pages(2);
    const [aino, bo] = docs as [Y.Doc, Y.Doc];
    const older = addItem(bo, { type: 'note', x: 3000, y: 3000, text: 'old', createdAt: 1000 });
    deliver();
    const mine = addItem(aino, { type: 'note', x: 5000, y: 5000, text: 'mine' });
    deliver();
    addItem(bo, { type: 'frame', x: 5000, y: 5000, w: 800, h: 600, title: 'Later' });
    addItem(bo, { type: 'text', x: 5000, y: 5000, text: 'A label' });
    deliver();
    bo.transact(() => {
      const map = bo.getMap('items').get(older) as Y.Map<unknown>;
      map.set('x', 5000);
      map.set('y', 5000);
    });
    deliver();
    const note = notes(aino).find((n) => n.id === mine)!;
    expect([note.x, note.y]).toEqual([5000, 5000]);
  });

  it('stays where it is while the page may not write (a lock)', () => {
    const { docs, deliver, lane, notes } = pages(2, () => false);
    const spot = placeNewNote(readItems(docs[0]!), lane);
    addItem(docs[0]!, { type: 'note', ...spot, parent: lane.id, text: 'A', createdAt: 1000 });
    addItem(docs[1]!, { type: 'note', ...spot, parent: lane.id, text: 'B', createdAt: 2000 });
    deliver();
    const [a, b] = notes(docs[0]!);
    expect(onSameSpot(a!, b!)).toBe(true);
  });
});
