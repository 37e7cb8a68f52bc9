/**
 * The board document's items as plain objects, re-read whenever the document changes. Only the
 * items a change touched are read again; every other item keeps its object, so a list of 2,000
 * (the outline) re-renders only what changed.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { type Item, type ItemMap, itemsOf, readItem } from '../../../shared/board-document.ts';

export function useItems(doc: Y.Doc | null): Item[] {
  const [items, setItems] = useState<Item[]>(() =>
    doc ? new ItemsReader(itemsOf(doc)).read() : [],
  );
  useEffect(() => {
    if (!doc) {
      setItems([]);
      return;
    }
    const map = itemsOf(doc);
    const reader = new ItemsReader(map);
    const update = (events?: readonly Y.YEvent<Y.AbstractType<unknown>>[]) =>
      setItems(reader.read(events));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return items;
}

/** Reads a board's items (readItems' order), keeping the object of every item not changed. */
export class ItemsReader {
  readonly #map: Y.Map<ItemMap>;
  /** The last reading of each item; null where it is not a readable item. */
  readonly #read = new Map<string, Item | null>();

  constructor(map: Y.Map<ItemMap>) {
    this.#map = map;
  }

  /** Every readable item; `events` (observeDeep's) say which changed, none: read them all. */
  read(events?: readonly Y.YEvent<Y.AbstractType<unknown>>[]): Item[] {
    if (!events) this.#read.clear();
    for (const event of events ?? []) {
      if (event.target === this.#map) {
        for (const id of event.keys.keys()) this.#read.delete(id);
        continue;
      }
      // Something inside one item (a field, its text): the path starts at the item's id.
      const [id] = event.path;
      if (typeof id === 'string') this.#read.delete(id);
      else this.#read.clear();
    }
    const items: Item[] = [];
    this.#map.forEach((map, id) => {
      let item = this.#read.get(id);
      if (item === undefined) {
        item = readItem(id, map);
        this.#read.set(id, item);
      }
      if (item) items.push(item);
    });
    return items;
  }
}
