/** React access to the session's WorkshopStore, and the views most components derive from it. */
import { useSyncExternalStore } from 'react';
import type { RoundResult, RoundView } from '../../../shared/facilitation.ts';
import { useBoardSession } from '../board/board-session.ts';
import { type WorkshopState, type WorkshopStore, workshopStoreFor } from './workshop-store.ts';

export function useWorkshop(): [WorkshopState, WorkshopStore] {
  const store = workshopStoreFor(useBoardSession());
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return [state, store];
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
