/** Bringing one member's view to another's screen (client/src/canvas/model/viewport.ts). */
import { describe, expect, it } from 'vitest';
import { Viewport } from '../../client/src/canvas/model/viewport.ts';
import { withFakeFrames } from '../helpers/fake-frames.ts';

withFakeFrames();

describe('a view brought to another screen', () => {
  it('shows the area the other member sees, at the zoom this screen needs for it (QA)', () => {
    const phone = new Viewport();
    phone.resize(390, 800);
    // A laptop's view at 100 %: 1400 × 800 board units around (500, 300).
    expect(phone.zoomToSee({ x: 500, y: 300, zoom: 1, w: 1400, h: 800 })).toBeCloseTo(390 / 1400);
    // From a page that did not say its area, the zoom as it was.
    expect(phone.zoomToSee({ x: 500, y: 300, zoom: 1 })).toBe(1);
    // A bigger screen sees the same area larger, within the zoom's bounds.
    const wall = new Viewport();
    wall.resize(3000, 1600);
    expect(wall.zoomToSee({ x: 0, y: 0, zoom: 1, w: 1400, h: 800 })).toBeCloseTo(2);
    expect(wall.zoomToSee({ x: 0, y: 0, zoom: 1, w: 10, h: 10 })).toBe(4);
  });
});
