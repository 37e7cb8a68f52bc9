/**
 * The part of the board near the view: what is on screen and one screen's width and height
 * around it. Item overlays (vote dots, badges, follow-up marks) are drawn only there and on the
 * item at hand: on a 2,000-note board in a round, dots on every note were 8,000 elements to
 * style, lay out and hit-test at every panned frame, nine in ten of them off screen.
 *
 * Drawing or dropping overlays while the board pans would cost more than it saves: any change
 * inside the board's layer repaints all of it, where a pan alone repaints nothing (a strip of
 * overlays redrawn mid-pan held a frame for 100–180 ms). So the area follows the camera only
 * once it has been still for STILL_MS, however far a pan went, or at once when the view jumps
 * (the first view of the board, a zoom to fit): a long pan shows the items it brings in without
 * their dots until it stops.
 */
import { startTransition, useEffect, useState } from 'react';
import { type Box, intersects } from './geometry.ts';
import type { Viewport } from './viewport.ts';

/** How long the camera must be still before the area catches up with it. */
const STILL_MS = 150;

export class Nearby {
  readonly #viewport: Viewport;
  #area: Box;
  /** The view when the camera last moved: a move far from it in one frame is a jump. */
  #view: Box;
  #listeners = new Set<() => void>();
  #still: ReturnType<typeof setTimeout> | undefined;

  constructor(viewport: Viewport) {
    this.#viewport = viewport;
    this.#view = viewport.visible();
    this.#area = around(this.#view);
    viewport.subscribe(() => this.#follow());
  }

  /** Whether any of `box` lies in the area. */
  covers(box: Box): boolean {
    return intersects(box, this.#area);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #follow(): void {
    clearTimeout(this.#still);
    const before = this.#view;
    const view = this.#viewport.visible();
    this.#view = view;
    if (jumped(before, view)) return this.#move();
    const centred = around(view);
    // Already about where the still camera would put it: nothing to redraw.
    const close =
      Math.abs(centred.x - this.#area.x) <= view.w / 2 &&
      Math.abs(centred.y - this.#area.y) <= view.h / 2 &&
      centred.w <= this.#area.w &&
      this.#area.w <= 4 * view.w;
    if (!close) this.#still = setTimeout(() => this.#move(), STILL_MS);
  }

  #move(): void {
    this.#area = around(this.#view);
    for (const listener of this.#listeners) listener();
  }
}

/**
 * Whether the camera went from `before` to `view` in one leap rather than a pan or a zoom by
 * the wheel: a screen or more away, or a zoom by half or more.
 */
function jumped(before: Box, view: Box): boolean {
  const zoom = view.w / before.w;
  return (
    zoom >= 1.5 ||
    zoom <= 1 / 1.5 ||
    Math.abs(view.x - before.x) >= before.w ||
    Math.abs(view.y - before.y) >= before.h
  );
}

/** The view and a screen's width and height on every side of it. */
function around(view: Box): Box {
  return { x: view.x - view.w, y: view.y - view.h, w: 3 * view.w, h: 3 * view.h };
}

/**
 * Whether `box` is near the view. Re-renders only when that changes, not as the camera moves,
 * and then as a transition: React may pause between items for the frames of a pan that starts.
 */
export function useNear(nearby: Nearby, { x, y, w, h }: Box): boolean {
  const [near, setNear] = useState(() => nearby.covers({ x, y, w, h }));
  useEffect(() => {
    let shown = nearby.covers({ x, y, w, h });
    setNear(shown);
    return nearby.subscribe(() => {
      const next = nearby.covers({ x, y, w, h });
      if (next === shown) return;
      shown = next;
      startTransition(() => setNear(next));
    });
  }, [nearby, x, y, w, h]);
  return near;
}
