/**
 * Who I am on each board: the token and member the join call returned, kept in localStorage
 * per board id so that a reload or a later visit lands on the board without asking again.
 */
import type { PublicMember } from '../../../shared/api.ts';
import { ROLES } from '../../../shared/roles.ts';

export interface Membership {
  token: string;
  member: PublicMember;
  /** The link key it came from: opening another role's link joins again with that key. */
  key?: string;
}

const storageKey = (boardId: string) => `ideamill.board.${boardId}`;

function isMembership(value: unknown): value is Membership {
  if (typeof value !== 'object' || value === null) return false;
  const { token, member } = value as Partial<Membership>;
  return (
    typeof token === 'string' &&
    typeof member === 'object' &&
    member !== null &&
    typeof member.id === 'string' &&
    typeof member.name === 'string' &&
    typeof member.color === 'string' &&
    (ROLES as readonly string[]).includes(member.role)
  );
}

export function loadMembership(boardId: string): Membership | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(boardId)) ?? 'null');
    return isMembership(parsed) ? parsed : null;
  } catch {
    // Storage disabled or a value from an older client: ask again rather than fail.
    return null;
  }
}

export function saveMembership(boardId: string, membership: Membership): void {
  try {
    localStorage.setItem(storageKey(boardId), JSON.stringify(membership));
  } catch {
    // Private mode without storage: the membership lasts for this page only.
  }
}

export function forgetMembership(boardId: string): void {
  try {
    localStorage.removeItem(storageKey(boardId));
  } catch {}
}

/** The `key` from a board link's fragment (`/b/:id#key=…`), which never reaches the server. */
export function keyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key');
  return key && key.length > 0 ? key : null;
}

const NAME_KEY = 'ideamill.name';

/** The display name I used last time, offered again on the next board I join. */
export function lastDisplayName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberDisplayName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {}
}
