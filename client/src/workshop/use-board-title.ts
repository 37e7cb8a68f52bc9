/**
 * The board's title as the server last told it: the page loaded it, and a facilitator may
 * rename the board while it is open (`board:renamed`, and each connection's `board:welcome`).
 */
import { useSyncExternalStore } from 'react';
import type { BoardSession } from '../board/board-session.ts';
import { workshopStoreFor } from './workshop-store.ts';

export function useBoardTitle(session: BoardSession): string {
  const store = workshopStoreFor(session);
  return useSyncExternalStore(store.subscribe, () => store.getState().title);
}
