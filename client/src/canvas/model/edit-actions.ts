/**
 * Commands on items, each a transaction with the canvas origin (so undo sees one step):
 * create, delete, move (frames carry their contents), snap into frames, colour, stacking.
 */
import type * as Y from 'yjs';
import {
  addItem,
  type Item,
  type ItemMap,
  itemsOf,
  type NewItem,
} from '../../../../shared/board-document.ts';
import { Z_FIELD, zOf } from '../../../../shared/drawing-order.ts';
import type { BoardModel } from './board-model.ts';
import { boundsOfPoints, centre, contains, pairs, type Rect, rectOf } from './geometry.ts';

/** Adds an item on top of everything; notes go to my private document while one is given. */
export function createItem(model: BoardModel, init: NewItem, target?: Y.Doc): string {
  const doc = target ?? model.doc;
  const z = model.topZ() + 1;
  let id = '';
  model.edit(doc, () => {
    id = addItem(doc, init);
    itemsOf(doc).get(id)?.set(Z_FIELD, z);
  });
  return id;
}

/** Deletes items and every connector that would be left pointing at one of them. */
export function deleteItems(model: BoardModel, ids: Iterable<string>): void {
  const gone = new Set(ids);
  for (const located of model.all()) {
    const { item } = located;
    if (item.type === 'connector' && (gone.has(item.from) || gone.has(item.to))) gone.add(item.id);
  }
  for (const doc of model.docs()) {
    const items = itemsOf(doc);
    const here = [...gone].filter((id) => items.has(id));
    if (here.length === 0) continue;
    model.edit(doc, () => {
      for (const id of here) items.delete(id);
    });
  }
}

export interface Placed {
  id: string;
  item: Item;
  map: ItemMap;
}

/**
 * What moves when `ids` move: the items themselves and, for frames, their contents (items
 * whose parent is the frame, and items whose centre lies inside it), nested frames included.
 */
export function movingSet(model: BoardModel, ids: Iterable<string>): Placed[] {
  const all = model.all();
  const byId = new Map(all.map((l) => [l.item.id, l]));
  const chosen = new Set<string>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (chosen.has(id)) continue;
    const located = byId.get(id);
    if (!located || located.item.type === 'connector') continue;
    chosen.add(id);
    if (located.item.type !== 'frame') continue;
    const frame = rectOf(located.item);
    if (!frame) continue;
    for (const other of all) {
      if (chosen.has(other.item.id) || other.item.id === id) continue;
      if (other.item.type === 'connector') continue;
      const box = rectOf(other.item);
      const inside =
        other.item.parent === id ||
        (box !== null && contains(frame, centre(box)) && !isBigger(box, frame));
      if (inside) queue.push(other.item.id);
    }
  }
  return [...chosen].map((id) => {
    const l = byId.get(id)!;
    return { id, item: l.item, map: l.map };
  });
}

function isBigger(a: Rect, b: Rect): boolean {
  return a.w * a.h >= b.w * b.h;
}

/** Puts each moving item at its start position plus (dx, dy); strokes shift their points. */
export function placeAt(model: BoardModel, start: readonly Placed[], dx: number, dy: number): void {
  const byId = new Map(start.map((p) => [p.id, p]));
  model.editEach(byId.keys(), (map, id) => {
    const origin = byId.get(id)!.item;
    map.set('x', origin.x + dx);
    map.set('y', origin.y + dy);
    if (origin.type === 'stroke') {
      map.set(
        'points',
        origin.points.map((n, i) => n + (i % 2 === 0 ? dx : dy)),
      );
    }
  });
}

/**
 * After a drop: an item whose centre lies in a frame gets that frame as `parent`: where frames
 * overlap, the topmost one (frames are opaque, so the top one is where it is seen to lie; the
 * exports read a board the same way, server/follow-through/exports/board-model.ts). One dropped
 * outside every frame loses its parent.
 */
export function snapToFrames(model: BoardModel, ids: Iterable<string>): void {
  const all = model.all();
  const frames = all
    .filter((l) => l.item.type === 'frame' && !l.isPrivate)
    .map((l) => ({ id: l.item.id, rect: rectOf(l.item)!, z: zOf(l.map), at: l.item.createdAt }))
    // Topmost first: the board draws a layer by `z`, older items below newer ones.
    .sort((a, b) => b.z - a.z || b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const wanted = new Set(ids);
  const changes = new Map<string, string | null>();
  for (const l of all) {
    if (!wanted.has(l.item.id) || l.item.type === 'connector') continue;
    const box = rectOf(l.item);
    if (!box) continue;
    const c = centre(box);
    const frame = frames.find(
      (f) => f.id !== l.item.id && contains(f.rect, c) && !isBigger(box, f.rect),
    );
    const parent = frame?.id ?? null;
    if ((l.item.parent ?? null) !== parent) changes.set(l.item.id, parent);
  }
  if (changes.size === 0) return;
  model.editEach(changes.keys(), (map, id) => {
    const parent = changes.get(id);
    if (parent) map.set('parent', parent);
    else map.delete('parent');
  });
}

export function setColor(model: BoardModel, ids: Iterable<string>, color: string): void {
  model.editEach(ids, (map) => {
    const type = map.get('type');
    if (type !== 'connector') map.set('color', color);
  });
}

export function bringToFront(model: BoardModel, ids: readonly string[]): void {
  let z = model.topZ();
  model.editEach(ids, (map) => map.set(Z_FIELD, ++z));
}

export function sendToBack(model: BoardModel, ids: readonly string[]): void {
  let z = model.bottomZ();
  model.editEach([...ids].reverse(), (map) => map.set(Z_FIELD, --z));
}

export function resizeTo(model: BoardModel, id: string, w: number, h: number): void {
  model.editEach([id], (map) => {
    map.set('w', Math.max(40, Math.round(w)));
    map.set('h', Math.max(30, Math.round(h)));
  });
}

/** A stroke's box, kept with its points so exports and foreign clients see where it is. */
export function strokeBox(points: readonly number[]): Rect {
  return boundsOfPoints(pairs(points));
}
