/** What the tools act on: the same objects the React tree shares, plus the drafts store. */
import type { PublicMember } from '../../../../shared/api.ts';
import type { BoardModel } from '../model/board-model.ts';
import type { CanvasState } from '../model/canvas-state.ts';
import type { Point } from '../model/geometry.ts';
import type { CanvasUndo } from '../model/undo.ts';
import type { Viewport } from '../model/viewport.ts';
import type { DraftStore } from './drafts.ts';

export interface ToolEnv {
  model: BoardModel;
  state: CanvasState;
  viewport: Viewport;
  undo: CanvasUndo;
  drafts: DraftStore;
  me: PublicMember;
  readOnly: () => boolean;
  labels: { newFrame: string; newConcept: string };
}

/** One pointer gesture from press to release; points are board coordinates. */
export interface Gesture {
  move(point: Point, screen: Point): void;
  end(point: Point, screen: Point, target: Element | null): void;
  cancel(): void;
}

/** Runs `write` at most once per animation frame with the latest value: one transaction per frame. */
export function perFrame<T>(write: (value: T) => void): { push(value: T): void; flush(): void } {
  let pending: { value: T } | null = null;
  let frame = 0;
  const flush = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (pending) {
      const { value } = pending;
      pending = null;
      write(value);
    }
  };
  return {
    push(value) {
      pending = { value };
      if (!frame) frame = requestAnimationFrame(flush);
    },
    flush,
  };
}
