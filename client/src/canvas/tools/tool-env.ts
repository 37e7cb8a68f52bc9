/** What the tools act on: the same objects the React tree shares, plus the drafts store. */
import type { PublicMember } from '../../../../shared/api.ts';
import type { BoardModel } from '../model/board-model.ts';
import {
  type CanvasState,
  type SelectionAction,
  type Tool,
  toolsFor,
} from '../model/canvas-state.ts';
import type { DragPreview } from '../model/drag-preview.ts';
import type { Point } from '../model/geometry.ts';
import type { CanvasUndo } from '../model/undo.ts';
import type { Viewport } from '../model/viewport.ts';
import type { DraftStore } from './drafts.ts';
import type { TypingGuard } from './typing-guard.ts';

export interface ToolEnv {
  model: BoardModel;
  state: CanvasState;
  viewport: Viewport;
  undo: CanvasUndo;
  drafts: DraftStore;
  /** Where a drag has taken items between its writes to the document. */
  preview: DragPreview;
  me: PublicMember;
  /** The shared board is read-only to me; my private document (silent writing) never is. */
  readOnly: () => boolean;
  labels: { newFrame: string; newConcept: string };
  /** Keys typed for a text editor that vanished under me; see typing-guard.ts. */
  typing: TypingGuard;
}

/** The tools I may use now. */
export function usableTools(env: ToolEnv): readonly Tool[] {
  return toolsFor(env.readOnly(), env.model.writesPrivately);
}

/** Whether I may write anything at all: the shared board, or notes into my private document. */
export function canWrite(env: ToolEnv): boolean {
  return !env.readOnly() || env.model.writesPrivately;
}

/** The ids among `ids` that I may change. */
export function editableIds(env: ToolEnv, ids: Iterable<string>): string[] {
  return [...ids].filter((id) => env.model.mayEdit(id));
}

/**
 * Tells me that `action` left out `count` of the selected items: the shared board is read-only
 * to me, so only my private notes changed; or, with the board open to me, they are pinned. An
 * action that leaves nothing out says nothing.
 */
export function tellLeftOut(env: ToolEnv, action: SelectionAction, count: number): void {
  if (count <= 0) return;
  const why = !env.readOnly() ? 'pinned' : env.model.writesPrivately ? 'until-reveal' : 'read-only';
  env.state.tell({ kind: 'left-out', action, count, why });
}

/** One pointer gesture from press to release; points are board coordinates. */
export interface Gesture {
  move(point: Point, screen: Point): void;
  end(point: Point, screen: Point, target: Element | null): void;
  cancel(): void;
  /**
   * What I may change has just narrowed (board/write-access.ts `narrowed`): the shared board
   * closed to me (locked, or silent writing started), or a lock put my pens down on my private
   * notes too. Write nothing more to what I may no longer change, and drop what was about to be
   * written. The server takes back anything it refused, so shared items return to their shared
   * places without a write of mine. Returns whether the gesture goes on (panning, selecting,
   * items I may still change).
   */
  narrowed(): boolean;
}

/** Runs `write` at most once per animation frame with the latest value: one transaction per frame. */
export function perFrame<T>(write: (value: T) => void): {
  push(value: T): void;
  flush(): void;
  /** Forgets the value not yet written. */
  drop(): void;
} {
  let pending: { value: T } | null = null;
  let frame = 0;
  const drop = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pending = null;
  };
  const flush = () => {
    const value = pending;
    drop();
    if (value) write(value.value);
  };
  return {
    push(value) {
      pending = { value };
      if (!frame) frame = requestAnimationFrame(flush);
    },
    flush,
    drop,
  };
}
