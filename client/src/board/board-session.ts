/**
 * One member's live connection to one board, shared by everything on the board page: the
 * canvas, the presence list, the facilitation and follow-through panels, the outline view.
 */
import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Board, PublicMember } from '../../../shared/api.ts';
import type { BoardApi } from '../app/api.ts';
import type { BoardCopy } from '../sync/board-copy.ts';
import type { SocketIoProvider } from '../sync/socketio-provider.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface BoardSession {
  board: Board;
  me: PublicMember;
  token: string;
  /** The shared board document (SPEC §3 "The board document"). */
  doc: Y.Doc;
  awareness: Awareness;
  /** Typed realtime events travel on `provider.socket` (shared/events.ts). */
  provider: SocketIoProvider;
  api: BoardApi;
  /**
   * The copy this page opened the board from (sync/board-copy.ts), without the board's content:
   * when it was kept, the board's state then, and my private notes where kept. Undefined where
   * the server sent the board.
   */
  copy?: Pick<BoardCopy, 'keptAt' | 'boardState' | 'mine'>;
}

export const BoardSessionContext = createContext<BoardSession | null>(null);

export function useBoardSession(): BoardSession {
  const session = useContext(BoardSessionContext);
  if (!session) throw new Error('useBoardSession() needs a board page above it');
  return session;
}
