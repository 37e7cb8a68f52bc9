/** The board document's items as plain objects, re-read whenever the document changes. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { type Item, itemsOf, readItems } from '../../../shared/board-document.ts';

export function useItems(doc: Y.Doc | null): Item[] {
  const [items, setItems] = useState<Item[]>(() => (doc ? readItems(doc) : []));
  useEffect(() => {
    if (!doc) {
      setItems([]);
      return;
    }
    const map = itemsOf(doc);
    const update = () => setItems(readItems(doc));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return items;
}
