/**
 * The area near the view where item overlays are drawn (client/src/canvas/model/nearby.ts): it
 * moves only when the camera rests or leaps, so a pan redraws nothing on the board.
 */
import { describe, expect, it, vi } from 'vitest';
import { Nearby } from '../../client/src/canvas/model/nearby.ts';
import { Viewport } from '../../client/src/canvas/model/viewport.ts';
import { withFakeFrames } from '../helpers/fake-frames.ts';

/** A 1000 × 800 view at 100 %, the board's origin in its top-left corner. */
async function setup() {
  const viewport = new Viewport();
  viewport.resize(1000, 800);
  viewport.centreOn({ x: 500, y: 400 }, 1);
  await vi.advanceTimersByTimeAsync(20);
  const nearby = new Nearby(viewport);
  // What each move was: a leap (items redraw at once) or a catch-up at rest (as a transition).
  const moves: ('leap' | 'rest')[] = [];
  nearby.subscribe((leap) => moves.push(leap ? 'leap' : 'rest'));
  return { viewport, nearby, heard: () => moves.length, moves };
}

const note = (x: number, y: number) => ({ x, y, w: 200, h: 200 });

/** Pans right by `steps` × 100 px, a frame apart, as a wheel or a drag does. */
async function panRight(viewport: Viewport, steps: number) {
  for (let step = 0; step < steps; step++) {
    viewport.panBy(-100, 0);
    await vi.advanceTimersByTimeAsync(20);
  }
}

describe('the area near the view', () => {
  withFakeFrames();

  it('holds the view and a screen around it, not what lies further', async () => {
    const { nearby } = await setup();
    expect(nearby.covers(note(400, 300))).toBe(true);
    // A screen to the right and below: in; two screens away: out.
    expect(nearby.covers(note(1500, 1200))).toBe(true);
    expect(nearby.covers(note(-1100, 0))).toBe(true);
    expect(nearby.covers(note(2100, 0))).toBe(false);
    expect(nearby.covers(note(0, -1100))).toBe(false);
  });

  it('stays put while the camera moves within it, and catches up once it rests', async () => {
    const { viewport, nearby, heard } = await setup();
    // Pan right by most of a screen in small steps, a frame apart: nothing redrawn meanwhile.
    await panRight(viewport, 9);
    expect(heard()).toBe(0);
    expect(nearby.covers(note(2100, 0))).toBe(false);
    // At rest: the area is centred on the view again (now at x 900–1900): -100 to 2900.
    await vi.advanceTimersByTimeAsync(200);
    expect(heard()).toBe(1);
    expect(nearby.covers(note(2100, 0))).toBe(true);
    expect(nearby.covers(note(-400, 0))).toBe(false);
  });

  it('does not move for a pan of less than half a screen', async () => {
    const { viewport, heard } = await setup();
    viewport.panBy(-300, 200);
    await vi.advanceTimersByTimeAsync(1000);
    expect(heard()).toBe(0);
  });

  it('waits for the camera to rest however far a pan goes, and follows a jump at once', async () => {
    const { viewport, nearby, heard, moves } = await setup();
    // Three screens to the right, a frame at a time: what comes into view waits for the rest.
    await panRight(viewport, 30);
    expect(heard()).toBe(0);
    expect(nearby.covers(note(3200, 300))).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(heard()).toBe(1);
    expect(nearby.covers(note(3200, 300))).toBe(true);
    // Far away in one leap (the first view of a board, a glide to somewhere far): at once,
    // even for an item drawn before the viewport's next frame tells of the move.
    viewport.centreOn({ x: 20_000, y: 20_000 }, 1);
    expect(nearby.covers(note(20_000, 20_000))).toBe(true);
    await vi.advanceTimersByTimeAsync(20);
    expect(moves).toEqual(['rest', 'leap']);
  });

  it('grows at once when the zoom leaps out, and shrinks once the wheel has zoomed back in', async () => {
    const { viewport, nearby, heard } = await setup();
    // 25 % in one step: the view is 4000 × 3200 board units, more than the area's 3000 × 2400.
    viewport.zoomAt(0.25, { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(20);
    expect(heard()).toBe(1);
    expect(nearby.covers(note(7000, 5000))).toBe(true);
    // Back towards 100 % a wheel step at a time: the area, 12,000 wide, is more than four views
    // once past 75 %, and shrinks when the wheel stops.
    for (let step = 0; step < 15; step++) {
      viewport.zoomAt(1.1, { x: 0, y: 0 });
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(heard()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(heard()).toBe(2);
    expect(nearby.covers(note(7000, 5000))).toBe(false);
  });
});
