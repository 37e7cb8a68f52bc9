/**
 * Lock, phase, timer and silent writing as the server last announced them (`board:state`).
 * Read through the workshop store, which also asks over HTTP when it was made after the
 * connection's one `board:state`, so a lazily mounted panel never waits for the next change.
 */
import { useSyncExternalStore } from 'react';
import type { BoardState } from '../../../shared/facilitation.ts';
import type { BoardSession } from '../board/board-session.ts';
import { workshopStoreFor } from './workshop-store.ts';

export function useBoardState(session: BoardSession): BoardState | null {
  const store = workshopStoreFor(session);
  return useSyncExternalStore(store.subscribe, () => store.getState().boardState);
}
