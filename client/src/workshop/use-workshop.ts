/** React access to the session's WorkshopStore, and the views most components derive from it. */
import { useRef, useSyncExternalStore } from 'react';
import type { RoundResult, RoundView } from '../../../shared/facilitation.ts';
import { useBoardSession } from '../board/board-session.ts';
import type { WorkshopState } from './workshop-state.ts';
import { type WorkshopStore, workshopStoreFor } from './workshop-store.ts';

export function useWorkshop(): [WorkshopState, WorkshopStore] {
  const store = useWorkshopStore();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return [state, store];
}

/** The store alone, for components that only act on it: no re-render when its state changes. */
export function useWorkshopStore(): WorkshopStore {
  return workshopStoreFor(useBoardSession());
}

/**
 * The part of the state `select` picks, re-rendering only when `equal` says it changed: for
 * what is drawn many times over (every item's overlay), which most changes do not concern.
 */
export function useWorkshopView<T>(
  select: (state: WorkshopState) => T,
  equal: (a: T, b: T) => boolean,
): T {
  const store = useWorkshopStore();
  const last = useRef<{ state: WorkshopState; select: unknown; view: T } | null>(null);
  const getView = (): T => {
    const state = store.getState();
    const previous = last.current;
    if (previous?.state === state && previous.select === select) return previous.view;
    const fresh = select(state);
    const view = previous && equal(previous.view, fresh) ? previous.view : fresh;
    last.current = { state, select, view };
    return view;
  };
  return useSyncExternalStore(store.subscribe, getView);
}

export function openRoundOf(state: WorkshopState): RoundView | null {
  return state.rounds.find((view) => view.round.status === 'open') ?? null;
}

/** The closed round whose ranking the board shows: the chosen one, else the newest. */
export function shownRoundOf(state: WorkshopState): RoundView | null {
  const closed = state.rounds.filter((view) => view.round.status === 'closed');
  if (state.shownRoundId) {
    const chosen = closed.find((view) => view.round.id === state.shownRoundId);
    if (chosen) return chosen;
  }
  return closed.at(-1) ?? null;
}

/** Tallies visible right now: an open public round's live results, else the shown ranking. */
export function visibleResults(state: WorkshopState): RoundResult[] {
  const open = openRoundOf(state);
  if (open) return open.results ?? [];
  return shownRoundOf(state)?.results ?? [];
}
