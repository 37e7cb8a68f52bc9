/** Remote cursors that have not moved for a while are drawn as resting (QA: they lingered). */
import { describe, expect, it } from 'vitest';
import { CursorRest, RESTING_MS } from '../../client/src/canvas/presence/cursor-rest.ts';

describe('resting cursors', () => {
  it('rest once still for RESTING_MS, wake as they move, and are forgotten as they go', () => {
    const rest = new CursorRest();
    rest.seen(
      [
        { clientId: 1, x: 0, y: 0 },
        { clientId: 2, x: 5, y: 5 },
      ],
      0,
    );
    expect(rest.nextRest(0)).toBe(RESTING_MS);
    // The other one moving does not wake the first.
    rest.seen(
      [
        { clientId: 1, x: 0, y: 0 },
        { clientId: 2, x: 6, y: 5 },
      ],
      10_000,
    );
    expect(rest.resting(1, RESTING_MS - 1)).toBe(false);
    expect(rest.resting(1, RESTING_MS)).toBe(true);
    expect(rest.resting(2, RESTING_MS)).toBe(false);
    expect(rest.nextRest(RESTING_MS)).toBe(10_000 + RESTING_MS);
    // Moved: awake again, at rest again RESTING_MS later.
    rest.seen(
      [
        { clientId: 1, x: 1, y: 0 },
        { clientId: 2, x: 6, y: 5 },
      ],
      40_000,
    );
    expect(rest.resting(1, 40_000)).toBe(false);
    expect(rest.resting(2, 40_000)).toBe(true);
    // Gone from presence: nothing kept, nothing due.
    rest.seen([], 50_000);
    expect(rest.resting(1, 100_000)).toBe(false);
    expect(rest.nextRest(50_000)).toBeNull();
  });
});
