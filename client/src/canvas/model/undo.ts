/**
 * Undo and redo of my own changes only: a Y.UndoManager per document (shared and private),
 * tracking just the canvas origin, so a collaborator's edits are never undone by my Ctrl+Z.
 * Each gesture (a drag, a resize, a stroke) calls `boundary()` at its start and end, so one
 * undo takes back one gesture however many frames it wrote.
 */
import * as Y from 'yjs';
import { itemsOf } from '../../../../shared/board-document.ts';

/** Quick successive edits (typing) merge into one step. */
const CAPTURE_MS = 400;

export class CanvasUndo {
  #managers: Y.UndoManager[] = [];
  /** Which manager took the latest step, so undo walks back across both documents in order. */
  #undoOrder: Y.UndoManager[] = [];
  #redoOrder: Y.UndoManager[] = [];
  #listeners = new Set<() => void>();

  constructor(
    readonly docs: readonly Y.Doc[],
    readonly origin: object,
  ) {}

  /** Starts tracking; paired with detach() in an effect, so React's double mount is harmless. */
  attach(): void {
    if (this.#managers.length > 0) return;
    this.#managers = this.docs.map((doc) => {
      const manager = new Y.UndoManager(itemsOf(doc), {
        trackedOrigins: new Set([this.origin]),
        captureTimeout: CAPTURE_MS,
      });
      manager.on('stack-item-added', (event) => {
        if (event.type === 'undo') {
          this.#undoOrder.push(manager);
          // A fresh edit (not a redo's replay) invalidates redo, as Y.UndoManager does itself.
          if (!this.#redoing) this.#redoOrder = [];
        } else {
          this.#redoOrder.push(manager);
        }
        this.#emit();
      });
      manager.on('stack-item-popped', () => this.#emit());
      return manager;
    });
  }

  detach(): void {
    for (const manager of this.#managers) manager.destroy();
    this.#managers = [];
    this.#undoOrder = [];
    this.#redoOrder = [];
    this.#emit();
  }

  #redoing = false;

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  boundary(): void {
    for (const manager of this.#managers) manager.stopCapturing();
  }

  /** Each manager's undo stack height, and the undo order's, when the gesture began. */
  #gestureStart: { stacks: number[]; order: number } | null = null;

  /** Everything until endGesture() is one undo step, however long the pointer pauses. */
  beginGesture(): void {
    this.#gestureStart = {
      stacks: this.#managers.map((manager) => manager.undoStack.length),
      order: this.#undoOrder.length,
    };
    for (const manager of this.#managers) {
      manager.stopCapturing();
      manager.captureTimeout = Number.MAX_SAFE_INTEGER;
    }
  }

  /**
   * A new item and the first text typed into it are one step: creation opens a gesture that
   * closes when its editor does (see use-canvas-effects.ts).
   */
  holdUntilEditingEnds = false;

  endGesture(): void {
    this.#gestureStart = null;
    this.holdUntilEditingEnds = false;
    for (const manager of this.#managers) {
      manager.captureTimeout = CAPTURE_MS;
      manager.stopCapturing();
    }
  }

  /**
   * Calls off the gesture under way (Escape during a drag): undoes what it wrote and keeps no
   * step of it, in either direction, so my next undo takes back what I did before. Yjs's own
   * undo, not writing the old values back: those would be a change of their own, which would
   * keep the step before from undoing (Yjs leaves a key alone that a later change has set).
   * False when there was no gesture to undo this way.
   */
  revertGesture(): boolean {
    const start = this.#gestureStart;
    this.endGesture();
    if (!start) return false;
    let undid = false;
    this.#managers.forEach((manager, index) => {
      const height = start.stacks[index] ?? 0;
      // Only the gesture's steps are in reach while it is undone: Yjs skips a step that changes
      // nothing now (someone else deleted the dragged item, or moved it since) and undoes the
      // one below it instead, which here would be my step before the gesture.
      const before = manager.undoStack.splice(0, height);
      if (manager.undoStack.length === 0) {
        manager.undoStack.unshift(...before);
        return;
      }
      undid = true;
      try {
        while (manager.undoStack.length > 0) manager.undo();
      } finally {
        manager.undoStack.unshift(...before);
      }
      // The gesture's first step cleared redo already; its undoing filled it again.
      manager.redoStack.length = 0;
    });
    this.#undoOrder.length = Math.min(this.#undoOrder.length, start.order);
    // A gesture called off before it wrote anything leaves redo as it was.
    if (undid) this.#redoOrder = [];
    this.#emit();
    return true;
  }

  canUndo(): boolean {
    return this.#managers.some((manager) => manager.canUndo());
  }

  canRedo(): boolean {
    return this.#managers.some((manager) => manager.canRedo());
  }

  undo(): void {
    const manager = this.#pop(this.#undoOrder, (m) => m.canUndo());
    if (!manager) return;
    manager.undo();
    this.#emit();
  }

  redo(): void {
    const manager = this.#pop(this.#redoOrder, (m) => m.canRedo());
    if (!manager) return;
    this.#redoing = true;
    try {
      manager.redo();
    } finally {
      this.#redoing = false;
    }
    this.#emit();
  }

  #pop(order: Y.UndoManager[], usable: (m: Y.UndoManager) => boolean): Y.UndoManager | null {
    while (order.length > 0) {
      const manager = order.pop()!;
      if (usable(manager)) return manager;
    }
    return this.#managers.find(usable) ?? null;
  }
}
