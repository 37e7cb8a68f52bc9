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
  /**
   * The board's title as a page on it last heard it (`keepBoardTitle`): the start page lists
   * the board by it while the server cannot be reached (offline).
   */
  title?: string;
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

/** The membership a plain `/b/:id` opens: the highest role this browser holds on the board. */
const storageKey = (boardId: string) => `ideamill.board.${boardId}`;
/** This browser's memberships on the board through other links, by the link's tag. */
const otherKey = (boardId: string, tag: string) => `ideamill.board.${boardId}.${tag}`;
/** The tag of the membership this tab uses: a tab opened with another link keeps to it. */
const tabKey = (boardId: string) => `ideamill.tab.${boardId}`;

const RANK: Record<PublicMember['role'], number> = { viewer: 0, participant: 1, facilitator: 2 };

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

function read(key: string): Membership | null {
  try {
    const parsed: unknown = JSON.parse(readStored(key) ?? 'null');
    if (!isMembership(parsed)) return null;
    // Stored by an earlier client with the key itself: keep its tag, and the key no longer.
    const { key: linkKey } = parsed as { key?: unknown };
    if (typeof linkKey !== 'string') return parsed;
    const { token, member } = parsed;
    const membership: Membership = { token, member, keyTag: keyTag(linkKey) };
    writeStored(key, JSON.stringify(membership));
    return membership;
  } catch {
    // A value from an older client that does not parse: ask again rather than fail.
    return null;
  }
}

/**
 * The membership to open the board with: the one that came from the link tagged `tag` where a
 * link was opened, else this tab's own, else the highest role this browser holds there.
 */
export function loadMembership(boardId: string, tag?: string): Membership | null {
  const main = read(storageKey(boardId));
  if (tag === undefined) {
    const own = readStored(tabKey(boardId), 'session');
    return (own && own !== main?.keyTag && read(otherKey(boardId, own))) || main;
  }
  // A membership an earlier client stored without its link's tag serves a plain address only:
  // serving any link, it had kept a participant from ever opening the facilitator link (QA).
  if (main?.keyTag === tag) return main;
  return read(otherKey(boardId, tag));
}

/**
 * Keeps a membership this tab opened the board with. A lower role than the one kept for a plain
 * `/b/:id` is kept beside it, not in its place: a facilitator who opens the participant link to
 * see what participants see stays the board's facilitator (QA: the facilitator's own tab came
 * back as a participant, and the facilitator link was shown only once). Where storage is
 * blocked, memberships last for the page only.
 */
export function saveMembership(boardId: string, membership: Membership): void {
  const tag = membership.keyTag;
  writeStored(tabKey(boardId), tag ?? null, 'session');
  const main = read(storageKey(boardId));
  const replaces =
    !main ||
    tag === undefined ||
    main.keyTag === tag ||
    main.token === membership.token ||
    RANK[membership.member.role] >= RANK[main.member.role];
  if (!replaces) {
    writeStored(otherKey(boardId, tag), JSON.stringify(membership));
    return;
  }
  // The one it replaces, from another link, is kept among the others.
  if (main && main.keyTag !== undefined && main.keyTag !== tag && main.token !== membership.token) {
    writeStored(otherKey(boardId, main.keyTag), JSON.stringify(main));
  }
  writeStored(storageKey(boardId), JSON.stringify(membership));
  if (tag !== undefined) writeStored(otherKey(boardId, tag), null);
}

/**
 * Forgets the membership this tab used, where it is still `token`'s: another tab may have
 * joined the board since, with a membership that still works (QA: a stray tab's removal
 * forgot the facilitator's).
 */
export function forgetMembership(boardId: string, token: string): void {
  if (read(storageKey(boardId))?.token === token) writeStored(storageKey(boardId), null);
  const own = readStored(tabKey(boardId), 'session');
  if (own && read(otherKey(boardId, own))?.token === token) {
    writeStored(otherKey(boardId, own), null);
  }
}

/** The board's title as a page last heard it (renamed while open), for the offline list. */
export function keepBoardTitle(boardId: string, title: string): void {
  const main = read(storageKey(boardId));
  if (main && main.title !== title)
    writeStored(storageKey(boardId), JSON.stringify({ ...main, title }));
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

function fromHash(hash: string, name: 'key' | 'device'): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(name);
  return value && value.length > 0 ? value : null;
}

/** The `key` from a board link's fragment (`/b/:id#key=…`), which never reaches the server. */
export function keyFromHash(hash: string): string | null {
  return fromHash(hash, 'key');
}

/** The code of a link to carry on from another device (`/b/:id#device=…`). */
export function deviceLinkFromHash(hash: string): string | null {
  return fromHash(hash, 'device');
}

const deviceLinkKey = (boardId: string) => `ideamill.device-link.${boardId}`;

/**
 * A device link's code between reading it from the address bar and the server's answer, in this
 * tab only, as a link's key is held: a network failure meanwhile can be tried again.
 */
export function holdDeviceLink(boardId: string, code: string | null): void {
  writeStored(deviceLinkKey(boardId), code || null, 'session');
}

export function heldDeviceLink(boardId: string): string | null {
  return readStored(deviceLinkKey(boardId), 'session');
}

const NAME_KEY = 'ideamill.name';

/** The display name I used last time, offered again on the next board I join. */
export function lastDisplayName(): string {
  return readStored(NAME_KEY) ?? '';
}

/** Remembers a name for the next board; null forgets it (leaving a shared device). */
export function rememberDisplayName(name: string | null): void {
  writeStored(NAME_KEY, name);
}
