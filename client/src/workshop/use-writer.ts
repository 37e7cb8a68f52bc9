/**
 * Who wrote an idea, where the board shows writers' names (`showNames`, a facilitator's choice
 * that a reveal with names turns on): the canvas's overlay and the outline both say it.
 */
import type { Item } from '../../../shared/board-document.ts';
import { useWorkshopView } from './use-workshop.ts';
import type { WorkshopState } from './workshop-state.ts';

/** Ideas carry their writer's name; labels and frames, the board's structure, do not. */
const WRITTEN_TYPES = new Set(['note', 'concept']);

/** One map for every item, replaced only as it grows: an item re-renders when names turn on. */
const shownWriters = (state: WorkshopState) => (state.boardState?.showNames ? state.writers : null);

/** The writer's name, or undefined: names hidden, no author (a reveal without names), unknown. */
export function useWriterOf(item: Item | null | undefined): string | undefined {
  const writers = useWorkshopView(shownWriters, Object.is);
  if (!item?.author || !WRITTEN_TYPES.has(item.type)) return undefined;
  return writers?.get(item.author);
}
