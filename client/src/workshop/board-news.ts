/**
 * What changed in the board's state that a person should be told of in words (the lock, silent
 * writing starting or being revealed, the phase, a restore), and those words for my role, as
 * the banner puts them. The timer is not news here: its countdown is seen, and only "Time's
 * up" is spoken (WorkshopBanner).
 */
import type { BoardState } from '../../../shared/facilitation.ts';
import type { Catalogue } from '../i18n/en/index.ts';
import type { Restored } from './workshop-state.ts';

export type BoardNews =
  | { kind: 'locked' }
  | { kind: 'unlocked' }
  | { kind: 'silentStarted' }
  | { kind: 'revealed' }
  | { kind: 'phase'; phase: string | null };

/**
 * The changes from `before` to `after`. Nothing when there is no `before`: the state a page
 * finds on opening is shown, not announced as if it had just happened.
 */
export function boardNews(before: BoardState | null, after: BoardState | null): BoardNews[] {
  if (!before || !after) return [];
  const news: BoardNews[] = [];
  if (after.locked !== before.locked) news.push({ kind: after.locked ? 'locked' : 'unlocked' });
  // Silent writing ends only by the reveal, which puts everyone's private notes on the board.
  if (after.silentWriting !== before.silentWriting) {
    news.push({ kind: after.silentWriting ? 'silentStarted' : 'revealed' });
  }
  if (after.phase !== before.phase) news.push({ kind: 'phase', phase: after.phase });
  return news;
}

/**
 * "Restored by …", as the banner shows it, named as me when it was my own restore, and what it
 * took off the board: notes someone put there a moment before (a reveal, say) go unseen else.
 */
export function restoredSentence(t: Catalogue, restored: Restored, me: string): string {
  const who =
    restored.memberId === me
      ? t.workshop.restoredByMe
      : restored.by
        ? t.workshop.restoredBy(restored.by)
        : t.workshop.restored;
  return restored.removed ? `${who} ${t.workshop.restoredRemoved(restored.removed)}` : who;
}

/** The words for a change of the board's state, as the banner puts it for my role. */
export function newsSentence(t: Catalogue, news: BoardNews, role: string): string | null {
  const participant = role === 'participant';
  switch (news.kind) {
    // A viewer's board is read-only anyway: the lock is no news to them (nor shown).
    case 'locked':
      return role === 'viewer' ? null : participant ? t.app.lockedBanner : t.workshop.locked;
    case 'unlocked':
      return role === 'viewer' ? null : t.workshop.announceUnlocked;
    case 'silentStarted':
      return participant ? t.app.silentWritingBanner : t.workshop.silentWritingFacilitator;
    case 'revealed':
      return t.workshop.announceRevealed;
    case 'phase':
      return t.workshop.announcePhase(
        news.phase === null ? null : (t.workshop.phases[news.phase] ?? news.phase),
      );
  }
}
