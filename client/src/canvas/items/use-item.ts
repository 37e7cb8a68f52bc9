/** One item's current state, re-read whenever its own Y.Map (or anything inside it) changes. */
import { useEffect, useReducer } from 'react';
import { type Item, type ItemMap, readItem } from '../../../../shared/board-document.ts';

export function useItem(id: string, map: ItemMap | undefined): Item | null {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!map) return;
    map.observeDeep(bump);
    return () => map.unobserveDeep(bump);
  }, [map]);
  return map ? readItem(id, map) : null;
}

/** Re-renders when the shallow fields of a map change (connector ends moving). */
export function useMapVersion(map: ItemMap | undefined): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!map) return;
    map.observe(bump);
    return () => map.unobserve(bump);
  }, [map]);
}
