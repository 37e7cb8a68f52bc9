/**
 * The view a board opens at: the whole board when its words can be read there, else the start of
 * the board in reading order at the least zoom where they can (QA: at 200 % browser zoom the
 * service-concept board opened at 30 %, its card's fields 4.5 px tall on screen).
 */
import type { ItemType } from '../../../../shared/board-document.ts';
import type { ViewportState } from '../../board/presence.ts';
import type { Box } from './geometry.ts';
import type { Viewport } from './viewport.ts';

/**
 * Never farther out than this, whatever the board holds: frame titles and texts keep their
 * screen size (ItemView, FrameTitle), but a board of frames alone still reads as one there.
 */
export const MIN_START_ZOOM = 0.3;

/**
 * The least size, in CSS pixels on screen, of the words a board opens at. Apple's guidelines
 * set 10 pt as the smallest text on a Mac, where a point is a CSS pixel at 100 %: the smallest
 * size that platforms still ask people to read. In CSS pixels, it grows with the browser's zoom
 * as its user asked: 20 device pixels on a page zoomed to 200 %.
 */
export const READABLE_TEXT_PX = 10;

/**
 * The running text of the items that scale with the board, at 100 % (canvas.css: `.im-note`,
 * `.im-concept-field dd`). Frame titles and texts keep a screen size of their own and need no
 * zoom; strokes and connectors carry no words.
 */
const BODY_TEXT_PX: Partial<Record<ItemType, number>> = { note: 18, concept: 15 };

/** The least zoom at which the words of every kind of item on the board read at a readable size. */
export function readableZoom(types: Iterable<ItemType>): number {
  let zoom = MIN_START_ZOOM;
  for (const type of types) {
    const size = BODY_TEXT_PX[type];
    if (size) zoom = Math.max(zoom, READABLE_TEXT_PX / size);
  }
  return zoom;
}

/**
 * The whole of `bounds` where that is readable; else, at the readable zoom, the board's top-left
 * corner, where reading starts (its first frame, a journey's heading and first lane), rather than
 * its middle, which may be empty. The rest is a pan right or down away.
 */
export function firstView(
  viewport: Viewport,
  bounds: Box,
  types: Iterable<ItemType>,
): ViewportState {
  const fit = viewport.fitting(bounds);
  const zoom = readableZoom(types);
  if (fit.zoom >= zoom) return fit;
  return viewport.fromStart(bounds, zoom);
}
