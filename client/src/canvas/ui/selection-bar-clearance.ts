/**
 * On a phone the selection bar spans the canvas's foot (canvas.css): what was selected or
 * opened for typing low on the screen lay under it, typed into unseen, and a tap meant for it
 * hit the bar's buttons (QA: a note duplicated and sent to the back). There the bar never
 * covers the selection:
 *
 * - Selecting, typing, or dropping what a finger moved lifts the view just enough for the
 *   selection to clear the bar, once the fingers are up and have rested (as a phone scrolls the
 *   field being typed in above its keyboard). The bar keeps its one place, where the thumb finds
 *   it; docked at the top instead it would cover the frame titles and the banners there.
 * - A view panned or zoomed on purpose stays where it was put: while it leaves the selection
 *   under the bar, the bar steps aside (hidden), and comes back when the selection comes out,
 *   or is tapped (which lifts it).
 *
 * A selection that cannot fit above the bar (a tall card while not typing in it, a whole frame)
 * is left as it is, the bar shown: its actions stay in reach.
 */

import { overlayElementOf } from '../items/overlay-layer.ts';
import type { CanvasState } from '../model/canvas-state.ts';
import type { Viewport } from '../model/viewport.ts';
import { itemAt } from '../tools/pointer-controller.ts';

/** Where canvas.css docks the selection bar across the canvas's foot. A desktop's bar stays put. */
export const BAR_ACROSS_FOOT = '(max-width: 600px)';

/**
 * Longer than Chrome waits for the second tap of a double tap (300 ms): the first tap selects,
 * the second opens the item for typing, and the view must not move between them.
 */
const REST_MS = 350;

/** Room left between the lifted selection and the bar, and below the canvas's top. */
const GAP = 8;

/**
 * Larger selections (Ctrl+A) are not measured: rarely would they fit above the bar, and they
 * would be measured at every frame of a pan.
 */
const MAX_MEASURED = 50;

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far the view moves down (negative: up) for `target` to end `GAP` above the bar, within
 * the canvas from `top` down; 0 when nothing of it on screen is under the bar, and null when it
 * cannot fit between.
 */
export function liftOverBar(target: ScreenRect, bar: ScreenRect, top: number): number | null {
  const across = target.left < bar.right && bar.left < target.right;
  // Below the bar's top (by a whole pixel: a view lifted to the fraction is clear), and not
  // wholly below its foot (under the zoom controls, off screen).
  const under = target.bottom + GAP > bar.top + 1 && target.top < bar.bottom;
  if (!across || !under) return 0;
  const dy = bar.top - GAP - target.bottom;
  return target.top + dy >= top + GAP ? dy : null;
}

const union = (rects: ScreenRect[]): ScreenRect | null =>
  rects.length === 0
    ? null
    : {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };

/**
 * The selection as drawn: each item with its overlay, whose foot (the workshop's vote dots)
 * hangs below the item's edge and takes taps too.
 */
function selectionRect(root: HTMLElement, ids: Iterable<string>): ScreenRect | null {
  const rects: ScreenRect[] = [];
  for (const id of ids) {
    const element = root.querySelector(`[data-item-id="${CSS.escape(id)}"]`);
    if (!element) continue;
    rects.push(element.getBoundingClientRect());
    // Drawn in its own layer (items/overlay-layer.ts).
    for (const part of overlayElementOf(element)?.querySelectorAll('*') ?? []) {
      const rect = part.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) rects.push(rect);
    }
  }
  return union(rects);
}

/**
 * Keeps the bar off the selection on `root` (the board's surface). Returns the unsubscribe.
 */
export function keepSelectionClearOfBar(
  root: HTMLElement,
  state: CanvasState,
  viewport: Viewport,
): () => void {
  const fingers = new Set<number>();
  /** The selection changed, or a finger pressed on it, since the view last lifted it. */
  let due = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let selection = state.selection;
  let editing = state.editing;

  const barOf = () =>
    globalThis.matchMedia?.(BAR_ACROSS_FOOT).matches
      ? root.parentElement?.querySelector<HTMLElement>('.im-selection-bar')
      : null;

  /** How far the view would lift the selection clear of `bar`: 0 if it is clear, or cannot be. */
  const liftFor = (bar: HTMLElement): number => {
    if (state.selection.size > MAX_MEASURED) return 0;
    const barRect = bar.getBoundingClientRect();
    const top = root.getBoundingClientRect().top;
    // While typing, the whole item if it fits above the bar, else the field being typed in.
    const active = document.activeElement;
    const editingId = state.editing?.id;
    const typedIn =
      editingId && active?.closest(`[data-item-id="${CSS.escape(editingId)}"]`)
        ? active.getBoundingClientRect()
        : null;
    for (const target of [selectionRect(root, state.selection), typedIn]) {
      const dy = target ? liftOverBar(target, barRect, top) : null;
      if (dy !== null) return dy;
    }
    return 0;
  };

  /** Hides the bar while it would cover the selection (not while it holds the keyboard). */
  const place = () => {
    frame = 0;
    const bar = barOf();
    if (!bar) return;
    const over = liftFor(bar) !== 0 && !bar.contains(document.activeElement);
    bar.toggleAttribute('data-over-selection', over);
  };
  const placeSoon = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };

  const lift = () => {
    due = false;
    const bar = barOf();
    const dy = bar ? liftFor(bar) : 0;
    if (dy === 0) return;
    const middle = viewport.centre();
    viewport.animateTo({ ...middle, y: middle.y - dy / viewport.zoom, zoom: viewport.zoom });
  };
  const liftSoon = () => {
    clearTimeout(timer);
    if (due && fingers.size === 0) timer = setTimeout(lift, REST_MS);
  };

  const offState = state.subscribe(() => {
    placeSoon();
    if (state.selection === selection && state.editing === editing) return;
    selection = state.selection;
    editing = state.editing;
    due = state.selection.size > 0;
    liftSoon();
  });
  const offViewport = viewport.subscribe(placeSoon);
  // Before the tools hear of it: whether the press is on the selection (a drag, a second tap).
  const down = (event: PointerEvent) => {
    fingers.add(event.pointerId);
    clearTimeout(timer);
    const hit = itemAt(event.target instanceof Element ? event.target : null);
    if (hit && state.selection.has(hit.id)) due = true;
  };
  // A drag moves the selection without moving the view.
  const move = (event: PointerEvent) => {
    if (fingers.has(event.pointerId)) placeSoon();
  };
  const up = (event: PointerEvent) => {
    if (!fingers.delete(event.pointerId)) return;
    placeSoon();
    liftSoon();
  };
  root.addEventListener('pointerdown', down, { capture: true });
  root.addEventListener('pointermove', move, { passive: true });
  window.addEventListener('pointerup', up, { capture: true });
  window.addEventListener('pointercancel', up, { capture: true });
  return () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    offState();
    offViewport();
    root.removeEventListener('pointerdown', down, { capture: true });
    root.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up, { capture: true });
    window.removeEventListener('pointercancel', up, { capture: true });
  };
}
