/**
 * The camera: board units to screen pixels, applied as one CSS transform on the world
 * element. Panning and zooming write that transform directly (no React render), so a board
 * of thousands of items pans at the compositor's pace (motion.ts keeps Chrome from
 * re-layerizing at each step); listeners (zoom label, minimap, presence) hear about changes at
 * most once per animation frame.
 */
import type { ViewportState } from '../../board/presence.ts';
import type { Box, Point } from './geometry.ts';
import { inMotion } from './motion.ts';

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

/**
 * Below this zoom a note is 50 px across or less: too small to hold the controls drawn on it (the
 * workshop's vote dots) 24 px apart, as WCAG 2.5.8 asks of small targets; spaced so, they
 * outgrew it. The counter-scaled elements then carry `data-zoomed-out`, and those controls leave
 * the pointer to the board (workshop/overlay.css). Farther out than a board's first view ever is
 * (MIN_START_ZOOM in first-view.ts, 30 %): whoever opens a board can vote where it opens.
 */
export const ZOOMED_OUT = 0.25;

export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The tool bar sits on the left (about 64 px wide); zoom controls and selection bar at the foot. */
export const FIT_INSETS: Insets = { left: 88, right: 32, top: 40, bottom: 64 };

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/** Asked at each move, not once: the setting can change while the board is open. */
const prefersReducedMotion = () =>
  globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** What a counter-scaled element is told of the zoom: its inverse, and whether it is far out. */
function counterScaleTo(element: HTMLElement, zoom: number): void {
  element.style.setProperty('--inv-zoom', String(1 / zoom));
  element.toggleAttribute('data-zoomed-out', zoom < ZOOMED_OUT);
}

export class Viewport {
  zoom = 1;
  /** Screen position of board origin, in CSS pixels relative to the canvas element. */
  tx = 0;
  ty = 0;
  width = 1;
  height = 1;
  #world: HTMLElement | null = null;
  /** Elements whose contents keep their screen size (cursor labels, handles). */
  #counterScaled = new Set<HTMLElement>();
  #listeners = new Set<() => void>();
  #notifyQueued = false;
  #animation = 0;
  /** The element's top-left corner on the page at the last resize. */
  #at: Point | null = null;
  /**
   * How far rows that grew carried the board down with the canvas (see resize), and the view
   * they left: it comes back up as they go, unless someone has moved the board since.
   */
  #carried: { by: number; tx: number; ty: number; zoom: number } | null = null;

  attach(world: HTMLElement | null): void {
    this.#world = world;
    this.#apply();
  }

  counterScale(element: HTMLElement | null): () => void {
    if (!element) return () => {};
    this.#counterScaled.add(element);
    counterScaleTo(element, this.zoom);
    return () => this.#counterScaled.delete(element);
  }

  /**
   * The element changed size. `at` is its top-left corner on the page: when only its top or
   * left edge moved (a status row appeared above the board, or went), the board stays where it
   * is on the page, so nothing moves under the pointer; any other change keeps the same board
   * point in the middle. `boardTop` gives the board's top edge (board units), asked only then:
   * where the row that grew would cover it, and it was in sight, the board moves down with the
   * canvas instead, and back up as far when the row goes, unless someone moved the board
   * meanwhile. On a phone the first view puts a customer journey's title and stage labels just
   * under the row, and silent writing's banner or a round's chips coming mid-session covered
   * them (QA).
   */
  resize(width: number, height: number, at?: Point, boardTop?: () => number | undefined): void {
    const w = Math.max(1, width);
    const h = Math.max(1, height);
    const before = this.#at;
    this.#at = at ?? null;
    if (at && before) {
      const dx = at.x - before.x;
      const dy = at.y - before.y;
      // Within a pixel: the page's layout is fractional, the element's size whole pixels.
      const farEdgesStay =
        Math.abs(w - this.width + dx) <= 1 && Math.abs(h - this.height + dy) <= 1;
      if ((dx !== 0 || dy !== 0) && farEdgesStay) {
        const edge = dy > 0 ? boardTop?.() : undefined;
        const top = edge === undefined ? -1 : this.toScreen({ x: 0, y: edge }).y;
        const last = this.#carried;
        const untouched =
          last && last.tx === this.tx && last.ty === this.ty && last.zoom === this.zoom;
        const carried = untouched ? last.by : 0;
        // Down with the canvas where the row would cover the top edge; back up as it goes.
        const withCanvas = top >= 0 && top < dy ? dy : dy < 0 ? Math.max(dy, -carried) : 0;
        this.width = w;
        this.height = h;
        this.tx -= dx;
        this.ty -= dy - withCanvas;
        const by = carried + withCanvas;
        this.#carried = by > 0 ? { by, tx: this.tx, ty: this.ty, zoom: this.zoom } : null;
        this.#apply();
        return;
      }
    }
    const middle = this.centre();
    this.width = w;
    this.height = h;
    this.centreOn(middle, this.zoom);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  toBoard(screen: Point): Point {
    return { x: (screen.x - this.tx) / this.zoom, y: (screen.y - this.ty) / this.zoom };
  }

  toScreen(board: Point): Point {
    return { x: board.x * this.zoom + this.tx, y: board.y * this.zoom + this.ty };
  }

  centre(): Point {
    return this.toBoard({ x: this.width / 2, y: this.height / 2 });
  }

  /** The board area on screen. */
  visible(): Box {
    const topLeft = this.toBoard({ x: 0, y: 0 });
    return { ...topLeft, w: this.width / this.zoom, h: this.height / this.zoom };
  }

  state(): ViewportState {
    const c = this.centre();
    return {
      x: c.x,
      y: c.y,
      zoom: this.zoom,
      w: this.width / this.zoom,
      h: this.height / this.zoom,
    };
  }

  /**
   * The zoom at which this screen shows the area another member sees (`w` × `h` board units
   * around their centre), else their zoom as it is: the same zoom showed a phone a corner of
   * what the facilitator on a laptop pointed at (QA).
   */
  zoomToSee(target: ViewportState): number {
    const { w, h } = target;
    if (!(w !== undefined && h !== undefined && w > 0 && h > 0)) return clampZoom(target.zoom);
    return clampZoom(Math.min(this.width / w, this.height / h));
  }

  panBy(dx: number, dy: number): void {
    this.stopAnimation();
    this.tx += dx;
    this.ty += dy;
    this.#apply();
  }

  /** Zooms by `factor`, keeping the board point under `screen` where it is. */
  zoomAt(factor: number, screen: Point): void {
    this.stopAnimation();
    const next = clampZoom(this.zoom * factor);
    const board = this.toBoard(screen);
    this.zoom = next;
    this.tx = screen.x - board.x * next;
    this.ty = screen.y - board.y * next;
    this.#apply();
  }

  centreOn(point: Point, zoom: number): void {
    this.zoom = clampZoom(zoom);
    this.tx = this.width / 2 - point.x * this.zoom;
    this.ty = this.height / 2 - point.y * this.zoom;
    this.#apply();
  }

  /**
   * The view that shows `rect` whole inside the screen minus `insets` (pixels kept clear for
   * the tool bar and controls floating over the canvas).
   */
  fitting(rect: Box, insets: Insets = FIT_INSETS): ViewportState {
    const width = Math.max(1, this.width - insets.left - insets.right);
    const height = Math.max(1, this.height - insets.top - insets.bottom);
    const zoom = clampZoom(
      Math.min(width / Math.max(rect.w, 1), height / Math.max(rect.h, 1), 1.5),
    );
    // Centre the rect in the clear area, then express that as the screen centre's board point.
    const dx = (insets.left - insets.right) / 2 / zoom;
    const dy = (insets.top - insets.bottom) / 2 / zoom;
    return { x: rect.x + rect.w / 2 - dx, y: rect.y + rect.h / 2 - dy, zoom };
  }

  /**
   * The view at `zoom` with `rect`'s top-left corner at the top-left of the screen minus
   * `insets`: where reading it starts.
   */
  fromStart(rect: Box, zoom: number, insets: Insets = FIT_INSETS): ViewportState {
    const at = clampZoom(zoom);
    return {
      x: rect.x + (this.width / 2 - insets.left) / at,
      y: rect.y + (this.height / 2 - insets.top) / at,
      zoom: at,
    };
  }

  /**
   * The view panned the least it must for `rect` to be in sight inside the screen minus
   * `insets` (centred on it where it is larger than that), at this zoom; this view where it is
   * in sight already.
   */
  showing(rect: Box, insets: Insets = FIT_INSETS): ViewportState {
    const { zoom } = this;
    const view = this.visible();
    const shift = (
      start: number,
      size: number,
      from: number,
      room: number,
      a: number,
      b: number,
    ) => {
      const low = from + a / zoom;
      const high = from + room - b / zoom;
      if (size > high - low) return start + size / 2 - (low + high) / 2;
      if (start < low) return start - low;
      return Math.max(0, start + size - high);
    };
    const middle = this.centre();
    return {
      x: middle.x + shift(rect.x, rect.w, view.x, view.w, insets.left, insets.right),
      y: middle.y + shift(rect.y, rect.h, view.y, view.h, insets.top, insets.bottom),
      zoom,
    };
  }

  /**
   * Glides to a view in a short ease-out, the way follow and summon should feel; jumps there
   * for someone who asked their system for less motion (a moving view can make them unwell).
   */
  animateTo(target: ViewportState, durationMs = 320): void {
    this.stopAnimation();
    const from = this.state();
    const to = { x: target.x, y: target.y, zoom: clampZoom(target.zoom) };
    if (durationMs <= 0 || prefersReducedMotion()) {
      this.centreOn(to, to.zoom);
      return;
    }
    const started = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / durationMs);
      const e = 1 - (1 - t) ** 3;
      // Interpolate zoom geometrically so the motion looks even at every scale.
      const zoom = from.zoom * (to.zoom / from.zoom) ** e;
      this.centreOn({ x: from.x + (to.x - from.x) * e, y: from.y + (to.y - from.y) * e }, zoom);
      this.#animation = t < 1 ? requestAnimationFrame(step) : 0;
    };
    this.#animation = requestAnimationFrame(step);
  }

  stopAnimation(): void {
    if (this.#animation) cancelAnimationFrame(this.#animation);
    this.#animation = 0;
  }

  #lastZoom = Number.NaN;

  #apply(): void {
    if (this.#world) {
      const transform = `translate(${this.tx}px, ${this.ty}px) scale(${this.zoom})`;
      if (this.#world.style.transform !== transform) {
        inMotion(this.#world);
        this.#world.style.transform = transform;
      }
    }
    if (this.zoom !== this.#lastZoom) {
      this.#lastZoom = this.zoom;
      for (const element of this.#counterScaled) counterScaleTo(element, this.zoom);
    }
    if (!this.#notifyQueued) {
      this.#notifyQueued = true;
      requestAnimationFrame(() => {
        this.#notifyQueued = false;
        for (const listener of this.#listeners) listener();
      });
    }
  }
}
