/**
 * Who I am on each board: the token and member the join call returned, kept in localStorage
 * per board id so that a reload or a later visit lands on the board without asking again.
 * Never the link's key: a facilitator's key makes new facilitators for as long as the board
 * lives, and anything that could read this storage (the next person at a shared workshop
 * laptop) would have it (QA). A tag of it tells one link from another.
 */
import type { PublicMember } from '../../../shared/api.ts';
import { ROLES } from '../../../shared/roles.ts';
import { readStored, writeStored } from './storage.ts';

export interface Membership {
  token: string;
  member: PublicMember;
  /**
   * Which link it came from (`keyTag` of its key): opening another role's link joins again
   * with that link's key.
   */
  keyTag?: string;
}

/**
 * A short, one-way tag of a link's key, enough to tell two links apart. It need not resist
 * anything: the key it came from is 256 random bits, which no tag narrows down to a guess.
 * (Not Web Crypto: a board served over plain http on a local network has none.)
 */
export function keyTag(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return ((a >>> 0).toString(36) + (b >>> 0).toString(36)).padStart(8, '0');
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
    const parsed: unknown = JSON.parse(readStored(storageKey(boardId)) ?? 'null');
    if (!isMembership(parsed)) return null;
    // Stored by an earlier client with the key itself: keep its tag, and the key no longer.
    const { key } = parsed as { key?: unknown };
    if (typeof key !== 'string') return parsed;
    const { token, member } = parsed;
    const membership: Membership = { token, member, keyTag: keyTag(key) };
    saveMembership(boardId, membership);
    return membership;
  } catch {
    // A value from an older client that does not parse: ask again rather than fail.
    return null;
  }
}

/** Where storage is blocked, the membership lasts for this page only. */
export function saveMembership(boardId: string, membership: Membership): void {
  writeStored(storageKey(boardId), JSON.stringify(membership));
}

/**
 * Forgets the membership kept for the board, where it is still `token`'s: another tab may have
 * joined the board since, with a membership that still works (QA: a stray tab's removal
 * forgot the facilitator's).
 */
export function forgetMembership(boardId: string, token: string): void {
  if (loadMembership(boardId)?.token !== token) return;
  writeStored(storageKey(boardId), null);
}

const joiningKey = (boardId: string) => `ideamill.joining.${boardId}`;

/**
 * A link's key between reading it from the address bar and joining: in this tab only, so that
 * the key can leave the address bar (and a screen shared meanwhile) at once and a reload of
 * the name prompt still joins.
 */
export function holdJoiningKey(boardId: string, key: string | null): void {
  writeStored(joiningKey(boardId), key || null, 'session');
}

export function heldJoiningKey(boardId: string): string | null {
  return readStored(joiningKey(boardId), 'session');
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
  return readStored(NAME_KEY) ?? '';
}

export function rememberDisplayName(name: string): void {
  writeStored(NAME_KEY, name);
}
