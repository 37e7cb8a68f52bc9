/**
 * Where a drag (or a resize) has taken items that the board document does not show yet.
 *
 * A drag writes positions to the document only every LIVE_WRITE_MS (tools/live-move.ts): each
 * write leaves about 20 bytes per moved item in the board's history for good (the overwritten
 * x and y), which everyone who opens the board loads. Between writes the moved items are drawn
 * where the pointer has taken them by a CSS translate on their elements, set here outside
 * React, and connectors ending on them read the same offset (`useDragOffset`). A resize grows
 * its item the same way, by `--im-grow-w` and `--im-grow-h`, which its width and height add
 * (ItemShell.tsx).
 */
import { useSyncExternalStore } from 'react';
import type { Box } from './geometry.ts';

/** How far the items are drawn from their place in the document, and how much larger. */
export interface BoxDelta {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const NO_DELTA: BoxDelta = { x: 0, y: 0, w: 0, h: 0 };

export const sameDelta = (a: BoxDelta, b: BoxDelta) =>
  a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export class DragPreview {
  readonly #root: () => HTMLElement | null;
  #ids: ReadonlySet<string> = new Set();
  /** Their elements: boxes are HTML, strokes SVG. */
  #elements: (HTMLElement | SVGElement)[] = [];
  #offset: BoxDelta = NO_DELTA;
  #version = 0;
  readonly #listeners = new Set<() => void>();

  /** `root`: the element the items are drawn in. */
  constructor(root: () => HTMLElement | null) {
    this.#root = root;
  }

  /**
   * A drag of `ids` starts: their elements are looked up once, with their overlays' boxes, which
   * are drawn in a layer of their own (items/overlay-layer.ts) and go where their items go.
   */
  begin(ids: Iterable<string>): void {
    this.end();
    this.#ids = new Set(ids);
    const root = this.#root();
    if (!root) return;
    for (const element of root.querySelectorAll<HTMLElement | SVGElement>(
      '.im-item[data-item-id], [data-overlay-of]',
    )) {
      const id = element.dataset.itemId ?? element.dataset.overlayOf ?? '';
      if (this.#ids.has(id)) this.#elements.push(element);
    }
  }

  /** Draws the dragged items `offset` (board units) away from where the document has them. */
  show(offset: BoxDelta): void {
    if (sameDelta(offset, this.#offset)) return;
    const grew = offset.w !== this.#offset.w || offset.h !== this.#offset.h;
    this.#offset = offset;
    // Kept while the drag lasts, even at 0: taking the translate off and putting it back
    // would have Chrome repaint each item instead of moving it.
    const translate = `${offset.x}px ${offset.y}px`;
    for (const element of this.#elements) {
      element.style.translate = translate;
      if (!grew) continue;
      element.style.setProperty('--im-grow-w', `${offset.w}px`);
      element.style.setProperty('--im-grow-h', `${offset.h}px`);
    }
    this.#changed();
  }

  /** The drag is over: everything is drawn where the document has it. */
  end(): void {
    for (const element of this.#elements) {
      element.style.translate = '';
      element.style.removeProperty('--im-grow-w');
      element.style.removeProperty('--im-grow-h');
    }
    const dragged = this.#ids.size > 0;
    this.#offset = NO_DELTA;
    this.#ids = new Set();
    this.#elements = [];
    if (dragged) this.#changed();
  }

  isDragged(id: string): boolean {
    return this.#ids.has(id);
  }

  /** How far `id` is drawn from where the document has it. */
  offsetOf(id: string): BoxDelta {
    return this.#ids.has(id) ? this.#offset : NO_DELTA;
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Changes whenever any offset does. */
  get version(): number {
    return this.#version;
  }

  #changed(): void {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}

/**
 * How far item `id` is drawn from its place in the document; a component using it renders
 * again only while that item is dragged.
 */
export function useDragOffset(preview: DragPreview, id: string | undefined): BoxDelta {
  useSyncExternalStore(preview.subscribe, () =>
    id !== undefined && preview.isDragged(id) ? preview.version : -1,
  );
  return id === undefined ? NO_DELTA : preview.offsetOf(id);
}

const unsubscribed = () => () => {};

/**
 * How much larger item `id` is drawn than the document has it (a resize between its writes).
 * Only a selected item can be resized, so only one `listening` subscribes, and it renders
 * again only when its drawn size changes, never at the frames of a drag.
 */
export function useGrowth(
  preview: DragPreview,
  id: string,
  listening: boolean,
): { w: number; h: number } {
  const subscribe = listening ? preview.subscribe : unsubscribed;
  const w = useSyncExternalStore(subscribe, () => preview.offsetOf(id).w);
  const h = useSyncExternalStore(subscribe, () => preview.offsetOf(id).h);
  return { w, h };
}

/** `box` as drawn `by` the preview. */
export function drawnBox(box: Box | null, by: BoxDelta): Box | null {
  if (!box || sameDelta(by, NO_DELTA)) return box;
  return { x: box.x + by.x, y: box.y + by.y, w: box.w + by.w, h: box.h + by.h };
}
