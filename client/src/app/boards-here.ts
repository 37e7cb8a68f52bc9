/**
 * The boards this browser holds a membership of, newest visit first: the start page lists
 * them, so that a board is found again without its link, and one with changes still kept
 * unsent (offline, then the page closed) is not forgotten with them.
 */
import { boardIdSchema } from '../../../shared/api.ts';
import { lastSeen } from '../board/last-visit.ts';
import { hasKeptEditsOf } from '../sync/kept-edits.ts';
import { loadMembership, type Membership } from './membership.ts';
import { storedKeys } from './storage.ts';

export interface BoardHere {
  boardId: string;
  membership: Membership;
  /** When I was last on it in this browser (ms), or null where that is not known. */
  seenAt: number | null;
  /** Whether changes of mine to it wait in this browser, never sent. */
  unsent: boolean;
}

const PREFIX = 'ideamill.board.';

/** Those I was on last first; those without a visit kept here, last. */
export function boardsHere(): BoardHere[] {
  const boards: BoardHere[] = [];
  for (const key of storedKeys(PREFIX)) {
    // The membership a plain `/b/:id` opens, not those of other links beside it (`id.tag`).
    const boardId = key.slice(PREFIX.length);
    if (!boardIdSchema.safeParse(boardId).success) continue;
    const membership = loadMembership(boardId);
    if (!membership) continue;
    const unsent = hasKeptEditsOf(boardId, membership.member.id);
    boards.push({ boardId, membership, seenAt: lastSeen(boardId), unsent });
  }
  return boards.sort((a, b) => (b.seenAt ?? 0) - (a.seenAt ?? 0));
}
