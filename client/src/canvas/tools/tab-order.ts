/**
 * Tab and Shift+Tab between the canvas's items in the board's reading order
 * (shared/reading-order.ts): frame by frame, a journey lane stage by stage. The items' elements
 * stay in drawing order, which their stacking needs, so the browser's own Tab would follow the
 * order they were made in; the key is taken over only where it would go from one item to
 * another. An item's own controls (vote dots, follow-up marks: drawn in the overlay layer) still
 * come right after it; Tab into the board from before it lands on the first item read (Shift+Tab
 * from after it, the last); past either end the keyboard leaves the canvas where it did before.
 */
import { zOf } from '../../../../shared/drawing-order.ts';
import { readingOrder } from '../../../../shared/reading-order.ts';
import { itemElementOf, overlayElementOf } from '../items/overlay-layer.ts';
import type { ToolEnv } from './tool-env.ts';

/** Items the keyboard reaches (each is a focusable element); strokes and connectors are not. */
export const focusable = (type: string) => type !== 'connector' && type !== 'stroke';

/** The focusable items' ids in reading order. */
export function tabOrder(env: ToolEnv): string[] {
  const items = env.model
    .all()
    .filter((l) => focusable(l.item.type))
    .map(({ item, map }) => ({ ...item, z: zOf(map) }));
  return readingOrder(items).map((item) => item.id);
}

/**
 * Moves the focus on from an item (or its last control) for Tab, back from an item for
 * Shift+Tab; false where the browser's own Tab is right (inside an item, or not on one). The
 * item's overlay (vote dots, follow-up mark, assign button) is drawn in a layer of its own
 * (items/overlay-layer.ts), yet its controls still come right after the item's own.
 */
export function tabBetweenItems(
  event: KeyboardEvent,
  env: ToolEnv,
  focusItem: (id: string) => void,
): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const shell = itemElementOf(target);
  const id = shell?.getAttribute('data-item-id');
  if (event.defaultPrevented || !target || !shell || !id) return false;
  const back = event.shiftKey;
  const own = tabbables(shell);
  const overlay = tabbables(overlayElementOf(shell));
  // Between the item's own stops and its overlay's, which the page has elsewhere.
  if (overlay.length > 0 && target === (back ? overlay[0] : own.at(-1))) {
    (back ? own.at(-1) : overlay[0])?.focus();
    return true;
  }
  // The item comes before its controls: Shift+Tab from one of them goes back within the item.
  if (back ? target !== shell : target !== (overlay.at(-1) ?? own.at(-1))) return false;
  const order = tabOrder(env);
  const at = order.indexOf(id);
  if (at === -1) return false;
  const next = order[back ? at - 1 : at + 1];
  if (next !== undefined) {
    focusItem(next);
    return true;
  }
  // Where the browser's Tab went from the last item drawn, and Shift+Tab from the first.
  const surface = shell.closest('.im-surface');
  const outside = surface ? nextStop(surface, back, surface) : null;
  if (!outside) return false;
  outside.focus();
  return true;
}

/**
 * Tab from outside the items (the page before the board, the board's surface) that would land
 * on an item goes to the first item read instead, Shift+Tab (from its tool bar) to the last:
 * else the keyboard would come in at the frame drawn first or the note made last.
 */
export function tabIntoItems(
  event: KeyboardEvent,
  env: ToolEnv,
  focusItem: (id: string) => void,
): boolean {
  // With nothing focused the browser starts from where the page was last clicked: its own Tab.
  const target =
    event.target instanceof Element && event.target !== document.body ? event.target : null;
  // From an item, tabBetweenItems; a frame's title being written and a dialog keep their Tab.
  if (
    event.defaultPrevented ||
    !target ||
    target.closest('[data-item-id], [data-overlay-of], [data-title-of], dialog')
  ) {
    return false;
  }
  const back = event.shiftKey;
  const landing = itemElementOf(nextStop(target, back));
  if (!landing?.closest('.im-surface')) return false;
  const order = tabOrder(env);
  const id = back ? order.at(-1) : order[0];
  if (id === undefined) return false;
  focusItem(id);
  return true;
}

const TABBABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';

/** What the browser's Tab stops at within `root` (and root itself), in document order. */
function tabbables(root: Element | null): HTMLElement[] {
  if (!root) return [];
  const found = [root, ...root.querySelectorAll(TABBABLE)];
  return found.filter((element): element is HTMLElement => isTabbable(element));
}

function isTabbable(element: Element): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.tabIndex >= 0 &&
    !element.matches(':disabled') &&
    element.closest('[inert]') === null &&
    element.getClientRects().length > 0 &&
    getComputedStyle(element).visibility !== 'hidden'
  );
}

/**
 * Where the browser's Tab goes from `from` (Shift+Tab with `back`): the next Tab stop after it
 * in document order (its own descendants first), or the last before it; none inside `skip`.
 * No element of the page has a positive tabindex, which would change that order.
 */
function nextStop(from: Element, back: boolean, skip?: Element): HTMLElement | null {
  const side = back ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
  const candidates = [...document.querySelectorAll(TABBABLE)].filter(
    (element) =>
      element !== from &&
      !skip?.contains(element) &&
      (from.compareDocumentPosition(element) & side) !== 0,
  );
  if (back) candidates.reverse();
  return candidates.find(isTabbable) ?? null;
}
