/**
 * The part of the board near the view: what is on screen and one screen's width and height
 * around it. Item overlays (vote dots, badges, follow-up marks) are drawn only there and on the
 * item at hand: on a 2,000-note board in a round, dots on every note were 8,000 elements to
 * style, lay out and hit-test at every panned frame, nine in ten of them off screen.
 *
 * Drawing or dropping overlays while the board pans would cost more than it saves: a pan alone
 * repaints nothing, and a strip of overlays redrawn mid-pan held a frame for 100–180 ms (when
 * any change repainted the whole board, before items were contained). So the area follows the
 * camera only once it has been still for STILL_MS, however far a pan went, or at once when the
 * view leaps a screen or more in a frame (the board's first view, a glide to somewhere far): a
 * long pan shows the items it brings in without their dots until it stops.
 */
import { startTransition, useEffect, useState } from 'react';
import { type Box, intersects } from './geometry.ts';
import type { Viewport } from './viewport.ts';

/** How long the camera must be still before the area catches up with it. */
const STILL_MS = 150;

export class Nearby {
  readonly #viewport: Viewport;
  #area: Box;
  /** The view when the camera last moved: a move far from it in one frame is a leap. */
  #view: Box;
  /** Told when the area moved; `leap` when the view leapt there (nothing pans meanwhile). */
  #listeners = new Set<(leap: boolean) => void>();
  #still: ReturnType<typeof setTimeout> | undefined;

  constructor(viewport: Viewport) {
    this.#viewport = viewport;
    this.#view = viewport.visible();
    this.#area = around(this.#view);
    viewport.subscribe(() => this.#follow());
  }

  /** Whether any of `box` lies in the area. */
  covers(box: Box): boolean {
    // The viewport tells of a move at the next frame: items drawn before it (a board's first
    // view is set as its items arrive) must already be measured against where the view went.
    if (jumped(this.#view, this.#viewport.visible())) {
      this.#move(true);
    }
    return intersects(box, this.#area);
  }

  subscribe(listener: (leap: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #follow(): void {
    clearTimeout(this.#still);
    const view = this.#viewport.visible();
    if (jumped(this.#view, view)) return this.#move(true);
    this.#view = view;
    const centred = around(view);
    // Already about where the still camera would put it: nothing to redraw.
    const close =
      Math.abs(centred.x - this.#area.x) <= view.w / 2 &&
      Math.abs(centred.y - this.#area.y) <= view.h / 2 &&
      centred.w <= this.#area.w &&
      this.#area.w <= 4 * view.w;
    if (!close) this.#still = setTimeout(() => this.#move(false), STILL_MS);
  }

  #move(leap: boolean): void {
    clearTimeout(this.#still);
    this.#view = this.#viewport.visible();
    this.#area = around(this.#view);
    // Not from inside a render (covers): the items already drawn hear of it right after.
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener(leap);
    });
  }
}

/**
 * Whether the camera went from `before` to `view` in one leap rather than a pan or a zoom by
 * the wheel: a screen or more away, or a zoom by half or more.
 */
function jumped(before: Box, view: Box): boolean {
  const scale = view.w / before.w;
  return (
    scale >= 1.5 ||
    scale <= 1 / 1.5 ||
    Math.abs(view.x - before.x) >= before.w ||
    Math.abs(view.y - before.y) >= before.h
  );
}

/** The view and a screen's width and height on every side of it. */
function around(view: Box): Box {
  return { x: view.x - view.w, y: view.y - view.h, w: 3 * view.w, h: 3 * view.h };
}

/**
 * Whether `box` is near the view. Re-renders only when that changes, not as the camera moves:
 * after a leap at once, after a pan as a transition (React may pause between items for the
 * frames of a pan that starts again).
 */
export function useNear(nearby: Nearby, { x, y, w, h }: Box): boolean {
  const [near, setNear] = useState(() => nearby.covers({ x, y, w, h }));
  useEffect(() => {
    let shown = nearby.covers({ x, y, w, h });
    setNear(shown);
    return nearby.subscribe((leap) => {
      const next = nearby.covers({ x, y, w, h });
      if (next === shown) return;
      shown = next;
      if (leap) setNear(next);
      else startTransition(() => setNear(next));
    });
  }, [nearby, x, y, w, h]);
  return near;
}
