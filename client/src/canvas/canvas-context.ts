/** What every part of the canvas shares; stable for the canvas's lifetime, so items stay memoized. */
import { createContext, type ReactNode, type RefObject, useContext } from 'react';
import type { Catalogue } from '../i18n/en/index.ts';
import type { BoardModel } from './model/board-model.ts';
import type { CanvasState } from './model/canvas-state.ts';
import type { DragPreview } from './model/drag-preview.ts';
import type { Nearby } from './model/nearby.ts';
import type { CanvasUndo } from './model/undo.ts';
import type { Viewport } from './model/viewport.ts';
import type { RemoteSelections } from './presence/RemoteSelections.tsx';
import type { TypingGuard } from './tools/typing-guard.ts';

export interface CanvasContextValue {
  model: BoardModel;
  state: CanvasState;
  viewport: Viewport;
  /** Where item overlays are drawn: the view and a screen around it (model/nearby.ts). */
  nearby: Nearby;
  /** Where a drag has taken items the document does not show yet (model/drag-preview.ts). */
  preview: DragPreview;
  undo: CanvasUndo;
  /** What other members have selected, drawn inside each item (presence/RemoteSelections.tsx). */
  remoteSelections: RemoteSelections;
  readOnly: boolean;
  /**
   * The board is locked to me, my private notes too (the model's access says the same). Here so
   * that a lock re-renders the canvas's parts: during silent writing `readOnly` stays true while
   * what I may write (model.writesPrivately) changes.
   */
  locked: boolean;
  t: Catalogue;
  /** The board's surface: where the keyboard focus goes when what held it leaves the board. */
  surface: RefObject<HTMLElement | null>;
  /** Where items' overlays are drawn, above every item (items/overlay-layer.ts). */
  overlays: HTMLElement;
  /** Keys typed for a text editor that vanished under me (tools/typing-guard.ts). */
  typing: TypingGuard;
  /**
   * Reads the page's current itemOverlay through a ref: a new function from the page must not
   * re-render two thousand items. The element it returns keeps itself current.
   */
  overlay: ItemOverlayRenderer;
}

/**
 * What the canvas draws for an item's owner (workshop/), in a box at the item's place in the
 * overlay layer, above every item (items/overlay-layer.ts). `engaged`: the item is
 * under the pointer, holds the focus, or is selected near the view, so actions shown only on
 * hover or selection need elements on these items alone, not on every item of the board (nor
 * on all of them after Ctrl+A). Called only for items near the view and the item at hand
 * (model/nearby.ts).
 */
export type ItemOverlayRenderer = (itemId: string, engaged: boolean) => ReactNode;

/**
 * The id of the element in an item's overlay that says more about the item than its name (why
 * it takes no votes): the item's accessible description. An item whose overlay has none is
 * described by nothing, as a missing id is.
 */
export const itemAboutId = (itemId: string) => `im-about-${itemId}`;

export const CanvasContext = createContext<CanvasContextValue | null>(null);

export function useCanvas(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (!value) throw new Error('canvas parts need <BoardCanvas> above them');
  return value;
}
