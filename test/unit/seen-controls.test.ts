/**
 * A facilitator's click means what they saw (client/src/workshop/seen-controls.ts): another
 * facilitator's change that reached the page a moment before the click is not what the click
 * acted on (QA: two facilitators locking together left the board unlocked, pausing together
 * left the timer running).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en/index.ts';
import { fi } from '../../client/src/i18n/fi/index.ts';
import { noticeSentence } from '../../client/src/workshop/FacilitationNotice.tsx';
import {
  otherFacilitator,
  SEEN_AFTER_MS,
  SeenControls,
  stateChanges,
} from '../../client/src/workshop/seen-controls.ts';
import type { BoardState } from '../../shared/facilitation.ts';
import { calmBoard } from '../helpers/board-state.ts';

const calm = calmBoard(1_000);
const running = (durationMs: number, endsAt: number, serverNow = 1_000): BoardState => ({
  ...calm,
  timer: { status: 'running', durationMs, endsAt },
  serverNow,
});

describe('what changed in the board state', () => {
  it('the lock, silent writing starting, and a reveal with or without names', () => {
    expect(stateChanges(calm, { ...calm, locked: true })).toEqual([
      { control: 'lock', locked: true },
    ]);
    const silent = { ...calm, silentWriting: true };
    expect(stateChanges(calm, silent)).toEqual([{ control: 'silent', running: true }]);
    expect(stateChanges(silent, { ...calm, showNames: true })).toEqual([
      { control: 'silent', running: false, anonymous: false },
    ]);
    expect(stateChanges(silent, calm)).toEqual([
      { control: 'silent', running: false, anonymous: true },
    ]);
  });

  it('the timer started, paused, resumed, started again over a running one, and reset', () => {
    const ticking = running(300_000, 301_000);
    expect(stateChanges(calm, ticking)).toEqual([
      { control: 'timer', action: 'start', durationMs: 300_000 },
    ]);
    const paused: BoardState = {
      ...calm,
      timer: { status: 'paused', durationMs: 300_000, remainingMs: 200_000 },
      serverNow: 101_000,
    };
    expect(stateChanges(ticking, paused)).toEqual([{ control: 'timer', action: 'pause' }]);
    expect(stateChanges(paused, running(300_000, 205_003, 5_000))).toEqual([
      { control: 'timer', action: 'resume' },
    ]);
    // A new start of the same length from a pause is a start: its whole length is left.
    expect(stateChanges(paused, running(300_000, 305_000, 5_000))).toEqual([
      { control: 'timer', action: 'start', durationMs: 300_000 },
    ]);
    expect(stateChanges(ticking, running(180_000, 182_000, 2_000))).toEqual([
      { control: 'timer', action: 'start', durationMs: 180_000 },
    ]);
    expect(stateChanges(ticking, calm)).toEqual([{ control: 'timer', action: 'reset' }]);
  });

  it('the same state sent again (a new serverNow) is no change', () => {
    expect(stateChanges(running(60_000, 61_000), running(60_000, 61_000, 9_000))).toEqual([]);
  });
});

describe('what a click saw', () => {
  it("another facilitator's lock 300 ms before my click is not what I saw; a second later it is", () => {
    const seen = new SeenControls();
    seen.show(calm, 0);
    seen.show({ ...calm, locked: true }, 10_000);
    const click = seen.atClick('lock', 10_300);
    expect(click?.seen.value).toBe(false);
    expect(click?.current).toMatchObject({ value: true, mine: false });
    const later = seen.atClick('lock', 10_000 + SEEN_AFTER_MS);
    expect(later?.seen).toBe(later?.current);
  });

  it('my own change is seen at once: lock, then unlock on second thoughts, is two clicks', () => {
    const seen = new SeenControls();
    seen.show(calm, 0);
    const answered = seen.ask({ control: 'lock', locked: true });
    const shown = seen.show({ ...calm, locked: true }, 10_000);
    answered();
    expect(shown).toEqual([
      { change: { control: 'lock', locked: true }, mine: true, replacedMine: false },
    ]);
    const click = seen.atClick('lock', 10_100);
    expect(click?.seen).toBe(click?.current);
  });

  it('what I had in view is the value before every change made since a second ago', () => {
    const seen = new SeenControls();
    seen.show(calm, 0);
    seen.show({ ...calm, locked: true }, 10_000);
    seen.show(calm, 10_200);
    // Locked and unlocked again within my reaction time: I saw it unlocked, as it is.
    expect(seen.atClick('lock', 10_400)?.seen.value).toBe(false);
    expect(seen.atClick('lock', 10_400)?.current.value).toBe(false);
  });

  it("a reveal that is not the one I asked for is someone else's", () => {
    const seen = new SeenControls();
    seen.show({ ...calm, silentWriting: true }, 0);
    const answered = seen.ask({ control: 'silent', running: false, anonymous: true });
    const [paula] = seen.show({ ...calm, showNames: true }, 5_000);
    answered();
    expect(paula).toMatchObject({ change: { anonymous: false }, mine: false });
  });

  it('a timer someone else starts over the one I started replaced mine; over theirs it did not', () => {
    const seen = new SeenControls();
    seen.show(calm, 0);
    const answered = seen.ask({ control: 'timer', action: 'start', durationMs: 300_000 });
    seen.show(running(300_000, 301_000), 1_000);
    answered();
    const [ken] = seen.show(running(180_000, 181_300, 1_300), 1_300);
    expect(ken).toMatchObject({ mine: false, replacedMine: true });
    const [again] = seen.show(running(60_000, 70_000, 10_000), 10_000);
    expect(again).toMatchObject({ mine: false, replacedMine: false });
  });
});

describe('who made a change', () => {
  const paula = { id: 'p', name: 'Paula', role: 'facilitator' as const };
  const ken = { id: 'k', name: 'Ken', role: 'facilitator' as const };
  const aino = { id: 'a', name: 'Aino', role: 'participant' as const };

  it('the one other facilitator here, in however many tabs; nobody named among several', () => {
    expect(otherFacilitator([ken, paula, aino, paula], 'k')).toBe('Paula');
    expect(otherFacilitator([ken, aino], 'k')).toBeNull();
    expect(otherFacilitator([ken, paula, { ...paula, id: 'q', name: 'Quinn' }], 'k')).toBeNull();
  });

  it('is said in words, by name or as another facilitator', () => {
    const change = { control: 'silent', running: false, anonymous: false } as const;
    expect(noticeSentence(en, { change, by: 'Paula', replaced: false })).toBe(
      'Paula already revealed the notes, with names.',
    );
    expect(
      noticeSentence(en, { change: { control: 'lock', locked: true }, by: null, replaced: false }),
    ).toBe('Another facilitator locked the board just before you did: it stays locked.');
    const timer = { control: 'timer', action: 'start', durationMs: 180_000 } as const;
    expect(noticeSentence(fi, { change: timer, by: 'Ken', replaced: true })).toBe(
      'Ken käynnisti ajastimen (3:00) sinun ajastimesi tilalle.',
    );
  });
});
