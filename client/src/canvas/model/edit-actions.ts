/**
 * Commands on items, each a transaction with the canvas origin (so undo sees one step):
 * create, delete, move (frames carry their contents), snap into frames, colour, pin, stacking.
 */
import * as Y from 'yjs';
import {
  addItem,
  type ConceptField,
  conceptFieldsOf,
  type Item,
  type ItemMap,
  itemsOf,
  type NewItem,
} from '../../../../shared/board-document.ts';
import { byDrawingOrder, Z_FIELD, zOf } from '../../../../shared/drawing-order.ts';
import { serverNow } from '../../sync/server-clock.ts';
import type { BoardModel, Located } from './board-model.ts';
import { type Box, boxOf, centre, contains, containsBox, type Point } from './geometry.ts';

/**
 * Adds an item on top of everything, but for a frame drawn around whole frames: that one goes
 * just beneath the lowest of them, so they stay in sight and keep their items, as a frame
 * nested in another is drawn over it (shared/frame-lookup.ts). A frame drawn around a customer
 * journey's lanes groups them; on top, it would take in every note and stage heading there.
 * Notes go to my private document while one is given.
 */
export function createItem(model: BoardModel, init: NewItem, target?: Y.Doc): string {
  const doc = target ?? model.doc;
  const z = init.type === 'frame' ? frameZ(model, init) : model.topZ() + 1;
  let id = '';
  model.edit(doc, () => {
    id = addItem(doc, { createdAt: serverNow(), ...init });
    itemsOf(doc).get(id)?.set(Z_FIELD, z);
  });
  return id;
}

function frameZ(model: BoardModel, init: NewItem): number {
  const box = { x: init.x, y: init.y, w: init.w ?? 0, h: init.h ?? 0 };
  const held = model
    .all()
    .filter(({ item, isPrivate }) => item.type === 'frame' && !isPrivate)
    .filter(({ item }) => {
      const rect = boxOf(item);
      return rect !== null && containsBox(box, rect);
    })
    .map(({ map }) => zOf(map));
  return held.length > 0 ? Math.min(...held) - 1 : model.topZ() + 1;
}

/**
 * Makes the text an editor binds to editable: a note's or text item's `text`, or a concept's
 * field. Where a foreign client wrote a plain string, or nothing, the documented Y.Text with
 * what it said is written first (as the outline does when it saves), so the typing is live.
 */
export function makeTextEditable(
  model: BoardModel,
  map: ItemMap,
  field: ConceptField | null,
  said: string,
): void {
  const doc = map.doc;
  const fields = map.get('fields');
  const text = field === null ? map.get('text') : fields instanceof Y.Map && fields.get(field);
  if (!doc || text instanceof Y.Text) return;
  model.edit(doc, () => {
    if (field === null) map.set('text', new Y.Text(said));
    else conceptFieldsOf(map).set(field, new Y.Text(said));
  });
}

/**
 * Deletes items and every connector that would be left pointing at one of them, but for a
 * connector pinned out of my reach: the server would take the whole deletion back for it.
 */
export function deleteItems(model: BoardModel, ids: Iterable<string>): void {
  const gone = new Set(ids);
  for (const located of model.all()) {
    const { item } = located;
    if (item.type !== 'connector' || !(gone.has(item.from) || gone.has(item.to))) continue;
    if (model.mayEdit(item.id)) gone.add(item.id);
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
 * Contents pinned out of my reach stay (the server would take the whole move back for them).
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
    const frame = boxOf(located.item);
    if (!frame) continue;
    for (const other of all) {
      if (chosen.has(other.item.id) || other.item.id === id) continue;
      if (other.item.type === 'connector') continue;
      const box = boxOf(other.item);
      const inside =
        other.item.parent === id ||
        (box !== null && contains(frame, centre(box)) && canHold(frame, box));
      if (inside && model.mayEdit(other.item.id)) queue.push(other.item.id);
    }
  }
  return [...chosen].map((id) => {
    const l = byId.get(id)!;
    return { id, item: l.item, map: l.map };
  });
}

/** Whether `frame` can hold an item of `box`: one as big as the frame lies over it, not in it. */
export function canHold(frame: Box, box: Box): boolean {
  return box.w * box.h < frame.w * frame.h;
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

/** A frame of the shared board and where it lies. */
export interface FrameBox {
  id: string;
  rect: Box;
}

/**
 * The shared board's frames among `all` (BoardModel.all), topmost first: the order the board
 * draws them in (shared/drawing-order.ts), which is the order the exports read them in too.
 */
export function framesTopFirst(all: readonly Located[]): FrameBox[] {
  const frames: (FrameBox & { type: 'frame'; createdAt: number; z: number })[] = [];
  for (const { item, map, isPrivate } of all) {
    const rect = boxOf(item);
    if (item.type !== 'frame' || isPrivate || !rect) continue;
    frames.push({ id: item.id, type: item.type, createdAt: item.createdAt, z: zOf(map), rect });
  }
  return frames.sort(byDrawingOrder).reverse();
}

/**
 * Which frame is at `point`: the topmost of `frames` (framesTopFirst) under it, of those
 * `accept` takes. Frames are opaque, so where they overlap the top one is where a thing is
 * seen to lie; the exports read a board the same way (server/follow-through/exports).
 */
export function frameAt(
  frames: readonly FrameBox[],
  point: Point,
  accept: (frame: FrameBox) => boolean = () => true,
): FrameBox | null {
  return frames.find((frame) => contains(frame.rect, point) && accept(frame)) ?? null;
}

/**
 * After a drop: an item whose centre lies in a frame that can hold it gets that frame as
 * `parent` (frameAt: the topmost one there). One dropped outside every frame loses its parent.
 */
export function snapToFrames(model: BoardModel, ids: Iterable<string>): void {
  const all = model.all();
  const frames = framesTopFirst(all);
  const wanted = new Set(ids);
  const changes = new Map<string, string | null>();
  for (const l of all) {
    if (!wanted.has(l.item.id) || l.item.type === 'connector') continue;
    const box = boxOf(l.item);
    if (!box) continue;
    const frame = frameAt(frames, centre(box), (f) => f.id !== l.item.id && canHold(f.rect, box));
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

/** Pins the items, or unpins them: a facilitator's action (board-document.ts isPinned). */
export function setPinned(model: BoardModel, ids: Iterable<string>, pinned: boolean): void {
  model.editEach(ids, (map) => {
    // Unpinned is the key's absence, as on every item a stock client writes.
    if (pinned) map.set('pinned', true);
    else map.delete('pinned');
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

/** The size resizeTo writes for (w, h): whole units, no smaller than 40 × 30. */
export function clampedSize(w: number, h: number): { w: number; h: number } {
  return { w: Math.max(40, Math.round(w)), h: Math.max(30, Math.round(h)) };
}

export function resizeTo(model: BoardModel, id: string, w: number, h: number): void {
  const size = clampedSize(w, h);
  model.editEach([id], (map) => {
    map.set('w', size.w);
    map.set('h', size.h);
  });
}
