/**
 * Shapes a gesture draws before it becomes an item: the pen's line, the marquee, a connector,
 * a frame being dragged out.
 */
import { useSyncExternalStore } from 'react';
import type { Box, Point } from '../model/geometry.ts';

export interface Drafts {
  pen: number[] | null;
  marquee: Box | null;
  connector: { from: Point; to: Point } | null;
  frame: Box | null;
}

export class DraftStore {
  value: Drafts = { pen: null, marquee: null, connector: null, frame: null };
  #listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  set(change: Partial<Drafts>): void {
    this.value = { ...this.value, ...change };
    for (const listener of this.#listeners) listener();
  }
}

export function useDrafts(store: DraftStore): Drafts {
  return useSyncExternalStore(store.subscribe, () => store.value);
}
