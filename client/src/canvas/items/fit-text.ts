/**
 * A text item grows to hold its longest line when its editing ends. A new one is 240 units
 * wide, so a short sentence typed into it ("Workshop goal: fewer calls") ended in "…" at any
 * zoom. Only wider, never narrower (a width someone chose stays), and at most MAX_TEXT_WIDTH.
 */

import type { BoardModel } from '../model/board-model.ts';

const MAX_TEXT_WIDTH = 1200;

let measuring: CanvasRenderingContext2D | null = null;

/** The width (board units) `element`'s text needs at `fontSize`, its padding included. */
function widthFor(element: HTMLElement, text: string, fontSize: number): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  const style = getComputedStyle(element);
  measuring.font = `${style.fontWeight} ${fontSize}px ${style.fontFamily}`;
  let widest = 0;
  for (const line of text.split('\n')) {
    widest = Math.max(widest, measuring.measureText(line).width);
  }
  const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
  // A pixel or two of room: the browser's line can round up where the measure rounded down.
  return Math.ceil(widest + padding + 2);
}

/**
 * Widens text item `id` (its words at `fontSize`) to hold `text`, if I may. Read from the
 * board, not from a render: the editor's Escape and then its blur both end the editing, and
 * a second write of the same width would be an undo step of its own.
 */
export function widenToFit(model: BoardModel, id: string, text: string, fontSize: number): void {
  const element = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`);
  const item = model.read(id);
  if (!element || !item || item.type !== 'text' || !model.mayEdit(id)) return;
  const needed = Math.min(MAX_TEXT_WIDTH, widthFor(element, text, fontSize));
  // The width alone: every write stays in the board's history.
  if (needed > item.w) model.editEach([id], (map) => map.set('w', needed));
}
