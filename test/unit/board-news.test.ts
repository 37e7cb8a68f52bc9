/** What a change of the board's state tells a screen-reader user, and what it does not. */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en/index.ts';
import { boardNews, newsSentence } from '../../client/src/workshop/board-news.ts';
import type { BoardState } from '../../shared/facilitation.ts';
import { calmBoard } from '../helpers/board-state.ts';

const calm = calmBoard(0);

describe('board news', () => {
  it('the state a page finds on opening is no news', () => {
    expect(boardNews(null, { ...calm, locked: true, phase: 'vote' })).toEqual([]);
  });

  it('the lock, silent writing, the reveal and the phase are news; the timer is not', () => {
    const locked = { ...calm, locked: true };
    expect(boardNews(calm, locked)).toEqual([{ kind: 'locked' }]);
    expect(boardNews(locked, calm)).toEqual([{ kind: 'unlocked' }]);
    const silent = { ...calm, silentWriting: true };
    expect(boardNews(calm, silent)).toEqual([{ kind: 'silentStarted' }]);
    expect(boardNews(silent, calm)).toEqual([{ kind: 'revealed' }]);
    expect(boardNews(calm, { ...calm, phase: 'diverge' })).toEqual([
      { kind: 'phase', phase: 'diverge' },
    ]);
    const ticking: BoardState = {
      ...calm,
      timer: { status: 'running', durationMs: 60_000, endsAt: 60_000 },
      serverNow: 5,
    };
    expect(boardNews(calm, ticking)).toEqual([]);
  });

  it('a viewer is not told of the lock, which changes nothing for them', () => {
    expect(newsSentence(en, { kind: 'locked' }, 'viewer')).toBeNull();
    expect(newsSentence(en, { kind: 'locked' }, 'participant')).toBe(en.app.lockedBanner);
    expect(newsSentence(en, { kind: 'phase', phase: 'vote' }, 'viewer')).toBe('Phase: Vote.');
  });
});
