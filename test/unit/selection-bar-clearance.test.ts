/** How far a phone's view lifts the selection clear of the bar (canvas/ui/selection-bar-clearance.ts). */
import { describe, expect, it } from 'vitest';
import { liftOverBar } from '../../client/src/canvas/ui/selection-bar-clearance.ts';

/** A 390 × 844 phone's bar: two rows across the canvas's foot, above the zoom controls. */
const BAR = { left: 72, top: 698, right: 378, bottom: 776 };
const CANVAS_TOP = 98;

const note = (top: number, height = 56, left = 222) => ({
  left,
  top,
  right: left + 56,
  bottom: top + height,
});

describe('a selection lifted clear of the bar on a phone', () => {
  it('a note under the bar goes up until it ends 8 px above it', () => {
    const dy = liftOverBar(note(712), BAR, CANVAS_TOP)!;
    expect(note(712).bottom + dy).toBe(BAR.top - 8);
  });

  it('a note clear of the bar, or beside it, stays', () => {
    expect(liftOverBar(note(600), BAR, CANVAS_TOP)).toBe(0);
    expect(liftOverBar(note(712, 56, 4), BAR, CANVAS_TOP)).toBe(0);
    // A view lifted to the fraction is clear.
    expect(liftOverBar(note(BAR.top - 8 - 56 + 0.5), BAR, CANVAS_TOP)).toBe(0);
  });

  it('one reaching below the bar comes up above it; one wholly below it is not under it', () => {
    expect(liftOverBar(note(770), BAR, CANVAS_TOP)).toBe(BAR.top - 8 - 826);
    expect(liftOverBar(note(780), BAR, CANVAS_TOP)).toBe(0);
  });

  it('one too tall to fit above the bar stays as it is', () => {
    expect(liftOverBar(note(300, 590), BAR, CANVAS_TOP)).toBeNull();
  });
});
