/** Lock, phase, timer and silent writing as the server last announced them (`board:state`). */
import { useEffect, useState } from 'react';
import type { BoardState } from '../../../shared/facilitation.ts';
import type { BoardSession } from '../board/board-session.ts';

export function useBoardState(session: BoardSession): BoardState | null {
  const [state, setState] = useState<BoardState | null>(null);
  useEffect(() => {
    const socket = session.provider.socket;
    socket.on('board:state', setState);
    return () => {
      socket.off('board:state', setState);
    };
  }, [session]);
  return state;
}
