/**
 * Bringing one member's view to another's screen, a board's first view, and the board when a row
 * above it grows or goes (canvas/model).
 */
import { describe, expect, it } from 'vitest';
import {
  firstView,
  MIN_START_ZOOM,
  READABLE_TEXT_PX,
  readableZoom,
} from '../../client/src/canvas/model/first-view.ts';
import { FIT_INSETS, Viewport } from '../../client/src/canvas/model/viewport.ts';
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

describe("a board's first view (client/src/canvas/model/first-view.ts)", () => {
  // The service-concept template's frame, on Lena's canvas: 640 × 360 at 200 % zoom, less the header.
  const frame = { x: 0, y: 0, w: 520, h: 680 };
  const lenasScreen = () => {
    const viewport = new Viewport();
    viewport.resize(640, 304);
    return viewport;
  };

  it('opens where a concept card’s fields read at 10 px, at the board’s top-left corner (QA)', () => {
    expect(readableZoom(['frame', 'concept'])).toBeCloseTo(READABLE_TEXT_PX / 15);
    const lena = lenasScreen();
    const view = firstView(lena, frame, ['frame', 'concept']);
    lena.centreOn(view, view.zoom);
    expect(lena.zoom).toBeCloseTo(2 / 3);
    // The frame's corner just inside the tool bar and the top edge, as a whole board's fit has it.
    expect(lena.toScreen({ x: 0, y: 0 }).x).toBeCloseTo(FIT_INSETS.left);
    expect(lena.toScreen({ x: 0, y: 0 }).y).toBeCloseTo(FIT_INSETS.top);
  });

  it('opens whole where that is readable, and never farther out than 30 %', () => {
    const lena = lenasScreen();
    const desktop = new Viewport();
    desktop.resize(940, 744);
    expect(firstView(desktop, frame, ['frame', 'concept'])).toEqual(desktop.fitting(frame));
    // Frames and texts keep a screen size of their own: a board of those alone asks only 30 %.
    expect(readableZoom(['frame', 'text'])).toBe(MIN_START_ZOOM);
    // Here the whole would be 29 %: the corner at 30 %, as a board always opened at the least.
    expect(lena.fitting(frame).zoom).toBeLessThan(MIN_START_ZOOM);
    expect(firstView(lena, frame, ['frame', 'text'])).toEqual(
      lena.fromStart(frame, MIN_START_ZOOM),
    );
    expect(readableZoom(['note', 'stroke'])).toBeCloseTo(READABLE_TEXT_PX / 18);
  });
});

describe('a row growing above the board (Viewport.resize with the canvas’s corner)', () => {
  /** A phone's canvas under its header at y = 100, the board's top edge `top` px into it. */
  const phone = (top: number) => {
    const viewport = new Viewport();
    viewport.resize(390, 700, { x: 0, y: 100 }, () => 0);
    viewport.ty = top;
    return viewport;
  };
  /** Where the board's top edge lies on the page. */
  const onPage = (viewport: Viewport, canvasTop: number) =>
    canvasTop + viewport.toScreen({ x: 0, y: 0 }).y;

  it('stays put on the page where the row covers none of the board', () => {
    const viewport = phone(120);
    viewport.resize(390, 660, { x: 0, y: 140 }, () => 0);
    expect(onPage(viewport, 140)).toBe(220);
  });

  it('moves down with the canvas where the row would cover the board’s top edge in sight (QA)', () => {
    // The first view's 40 px above a journey's title, and silent writing's three lines.
    const viewport = phone(40);
    viewport.resize(390, 550, { x: 0, y: 250 }, () => 0);
    expect(viewport.toScreen({ x: 0, y: 0 }).y).toBe(40);
    expect(onPage(viewport, 250)).toBe(290);
  });

  it('comes back up as far when the row goes, unless someone moved the board meanwhile', () => {
    const viewport = phone(40);
    viewport.resize(390, 550, { x: 0, y: 250 }, () => 0);
    // Silent writing revealed, its banner gone: the journey where it was before it came.
    viewport.resize(390, 700, { x: 0, y: 100 }, () => 0);
    expect(onPage(viewport, 100)).toBe(140);
    // Carried down twice (two rows), back up by what went.
    viewport.resize(390, 650, { x: 0, y: 150 }, () => 0);
    viewport.resize(390, 600, { x: 0, y: 200 }, () => 0);
    expect(onPage(viewport, 200)).toBe(240);
    viewport.resize(390, 650, { x: 0, y: 150 }, () => 0);
    expect(onPage(viewport, 150)).toBe(190);
    // Panned since: the board is the person's, and stays put as the last row goes.
    viewport.panBy(0, 30);
    viewport.resize(390, 700, { x: 0, y: 100 }, () => 0);
    expect(onPage(viewport, 100)).toBe(220);
  });

  it('stays put where the board’s top edge was out of sight already (panned down into it)', () => {
    const viewport = phone(-300);
    viewport.resize(390, 550, { x: 0, y: 250 }, () => 0);
    expect(onPage(viewport, 250)).toBe(-200);
  });

  it('stays put when the row shrinks, and without the board’s top edge', () => {
    const viewport = phone(40);
    // Only a row that grows asks where the board's top edge is (a walk over every item).
    let asked = 0;
    viewport.resize(390, 750, { x: 0, y: 50 }, () => {
      asked++;
      return 0;
    });
    expect(asked).toBe(0);
    expect(onPage(viewport, 50)).toBe(140);
    viewport.resize(390, 550, { x: 0, y: 250 });
    expect(onPage(viewport, 250)).toBe(140);
  });
});
