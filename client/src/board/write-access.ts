/**
 * What I may write now, worked out in one place for the canvas, its model and the outline: the
 * shared board, my private document (silent writing), a given item. The server holds the same
 * rules (docs/PROTOCOL.md); the page asks this so it offers only what the server will take.
 */
import type { BoardState } from '../../../shared/facilitation.ts';
import type { Role } from '../../../shared/roles.ts';

export interface WriteAccess {
  /** The board is locked to me: pens down, my private notes too. A facilitator is never locked. */
  locked: boolean;
  /** The shared board is read-only to me: to a viewer; to a participant while locked or silent. */
  sharedReadOnly: boolean;
  /** My new notes go to my private document: silent writing runs, mine is open, not locked. */
  writesPrivately: boolean;
  /** I may add notes at all: to the shared board, or to my private document. */
  canAdd: boolean;
  /** I may change pinned items, and pin and unpin: a facilitator (board-document.ts isPinned). */
  changesPinned: boolean;
}

/**
 * `board` is null until the server has sent the board's state: nothing is locked yet. A private
 * document opens only while silent writing runs, for anyone but a viewer (use-private-doc.ts);
 * the facilitator's new notes go there too, though the shared board stays open to them.
 */
export function writeAccess(
  role: Role,
  board: Pick<BoardState, 'locked' | 'silentWriting'> | null,
  privateDocOpen: boolean,
): WriteAccess {
  const locked = role === 'participant' && board?.locked === true;
  const silentWriting = board?.silentWriting === true;
  const sharedReadOnly = role === 'viewer' || locked || (role === 'participant' && silentWriting);
  const writesPrivately = role !== 'viewer' && silentWriting && privateDocOpen && !locked;
  return {
    locked,
    sharedReadOnly,
    writesPrivately,
    canAdd: writesPrivately || !sharedReadOnly,
    changesPinned: role === 'facilitator',
  };
}

/** The two things that close what I may write: the shared board read-only, a lock. */
export type WriteScope = Pick<WriteAccess, 'locked' | 'sharedReadOnly'>;

/**
 * Whether `now` lets me change less than `before`: the shared board has closed to me (a lock,
 * or silent writing started), or a lock has put my pens down, on my private notes too.
 */
export function narrowed(before: WriteScope, now: WriteScope): boolean {
  return (now.sharedReadOnly && !before.sharedReadOnly) || (now.locked && !before.locked);
}

/**
 * Whether I may change an item: anything while the shared board is open to me; else only my
 * private notes, and those not while the board is locked. A pinned item only a facilitator
 * changes.
 */
export function mayEditItem(
  access: WriteScope & Pick<WriteAccess, 'changesPinned'>,
  isPrivate: boolean,
  pinned = false,
): boolean {
  if (pinned && !access.changesPinned) return false;
  return !access.sharedReadOnly || (isPrivate && !access.locked);
}
