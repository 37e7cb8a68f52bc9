/**
 * Turns pointer, wheel and double-click events on the canvas into gestures. Written against
 * the DOM directly (not React handlers) so wheel can be non-passive and a pan never renders.
 */
import { narrowed, type WriteScope } from '../../board/write-access.ts';
import { itemElementOf, itemIdOf } from '../items/overlay-layer.ts';
import type { Point } from '../model/geometry.ts';
import { createAt, frameGesture, isCreatingTool } from './create.ts';
import {
  connectorGesture,
  eraserGesture,
  marqueeGesture,
  moveGesture,
  panGesture,
  penGesture,
  resizeGesture,
} from './gestures.ts';
import { canWrite, editableIds, type Gesture, type ToolEnv, usableTools } from './tool-env.ts';

const EDITABLE = 'textarea, input, select, button, [contenteditable="true"], .im-ui';

/**
 * The item element under a target; a frame's body counts as empty board, its title as the frame.
 * What an item's overlay draws above other items (a result badge) is the item's.
 */
export function itemAt(target: Element | null): { id: string; element: Element } | null {
  const element = itemElementOf(target);
  const id = element?.getAttribute('data-item-id');
  if (!element || !id) return null;
  if (element.getAttribute('data-item-type') === 'frame' && !target?.closest('[data-handle]')) {
    return null;
  }
  return { id, element };
}

export class PointerController {
  #gesture: Gesture | null = null;
  /** What I might change when the gesture began, or when it last heard that narrow. */
  #access: WriteScope | null = null;
  #pointers = new Map<number, Point>();
  #pinch: { distance: number; mid: Point } | null = null;
  spaceHeld = false;
  onCursor: (point: Point | null) => void = () => {};

  constructor(
    readonly root: HTMLElement,
    readonly env: ToolEnv,
  ) {
    root.addEventListener('pointerdown', this.#down);
    root.addEventListener('pointermove', this.#move);
    root.addEventListener('pointerup', this.#up);
    root.addEventListener('pointercancel', this.#cancel);
    root.addEventListener('pointerleave', this.#leave);
    root.addEventListener('wheel', this.#wheel, { passive: false });
    root.addEventListener('dblclick', this.#dblclick);
  }

  destroy(): void {
    this.#gesture?.cancel();
    this.root.removeEventListener('pointerdown', this.#down);
    this.root.removeEventListener('pointermove', this.#move);
    this.root.removeEventListener('pointerup', this.#up);
    this.root.removeEventListener('pointercancel', this.#cancel);
    this.root.removeEventListener('pointerleave', this.#leave);
    this.root.removeEventListener('wheel', this.#wheel);
    this.root.removeEventListener('dblclick', this.#dblclick);
  }

  /**
   * What I may change may have narrowed (board/write-access.ts): where it has since the gesture
   * began, a gesture on what I may no longer change ends now (nothing more is written; the
   * server takes back what it refused); one on what I may still change, or one that only looks
   * (pan, marquee), goes on.
   */
  narrowed(): void {
    const gesture = this.#gesture;
    const now = this.env.model.access();
    if (!gesture || !this.#access || !narrowed(this.#access, now)) return;
    this.#access = now;
    if (!gesture.narrowed()) this.#gesture = null;
  }

  /**
   * Escape during a gesture: it ends as if it had not happened (a drag puts things back, a
   * frame being drawn is not made). Returns whether there was one.
   */
  cancelGesture(): boolean {
    const gesture = this.#gesture;
    if (!gesture) return false;
    this.#gesture = null;
    gesture.cancel();
    return true;
  }

  #screen(event: { clientX: number; clientY: number }): Point {
    const box = this.root.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  #down = (event: PointerEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest(EDITABLE)) return;
    const screen = this.#screen(event);
    this.#pointers.set(event.pointerId, screen);
    if (this.#pointers.size === 2) {
      // A second finger turns whatever the first one started into a pinch.
      this.#gesture?.cancel();
      this.#gesture = null;
      this.#pinch = this.#pinchState();
      return;
    }
    if (this.#pointers.size > 2) return;
    const env = this.env;
    // Pressing the pointer is a new, deliberate act: the keyboard is mine again.
    env.typing.disarm();
    const point = env.viewport.toBoard(screen);
    const tool = env.state.tool;
    const hit = itemAt(target);
    // A tool I may not use now (the board was locked while it was chosen) only selects.
    const usable = usableTools(env).includes(tool);
    const editable = hit !== null && env.model.mayEdit(hit.id);
    let gesture: Gesture | null = null;
    if (event.button === 1 || this.spaceHeld || tool === 'hand') {
      gesture = panGesture(env, screen);
    } else if (event.button !== 0) {
      return;
    } else if (!usable || tool === 'select') {
      if (editable && target?.closest('[data-handle="resize"]')) {
        gesture = resizeGesture(env, hit.id, point);
      } else if (hit) {
        if (event.shiftKey) env.state.toggle(hit.id);
        else if (!env.state.selection.has(hit.id)) env.state.select([hit.id]);
        if (event.pointerType !== 'mouse' && env.state.selection.has(hit.id)) {
          this.#focusPicked(hit.element);
        }
        // While silent writing runs a selection may mix shared items with my private notes:
        // dragging it moves my notes and says the shared ones stay (as Alt+arrow does).
        if (env.state.selection.has(hit.id) && (editable || canWrite(env))) {
          const selected = [...env.state.selection];
          const mine = editableIds(env, selected);
          gesture = moveGesture(env, point, screen, mine, selected.length - mine.length);
        }
      } else if (event.pointerType === 'touch') {
        // One finger on empty board moves the view; a tap there clears the selection, as a
        // click does (QA: a phone had no way to let go of what it had selected).
        gesture = panGesture(env, screen, () => {
          if (!event.shiftKey) env.state.select([]);
        });
      } else {
        if (!event.shiftKey) env.state.select([]);
        gesture = marqueeGesture(env, point, event.shiftKey);
      }
    } else if (tool === 'pen') {
      gesture = penGesture(env, point);
    } else if (tool === 'eraser') {
      gesture = eraserGesture(env, point);
    } else if (tool === 'connector') {
      const from = itemIdOf(target);
      if (from) gesture = connectorGesture(env, from, point);
    } else if (tool === 'frame') {
      gesture = frameGesture(env, point, screen);
    } else if (isCreatingTool(tool)) {
      event.preventDefault();
      createAt(env, tool, point);
      return;
    }
    if (!hit) {
      // Leaves any text editor and gives the keyboard shortcuts a home.
      this.root.focus({ preventScroll: true });
    }
    if (gesture) {
      this.#gesture = gesture;
      this.#access = env.model.access();
      this.root.setPointerCapture(event.pointerId);
      if (tool !== 'select' || !hit) event.preventDefault();
    }
  };

  /**
   * The focus follows a finger's pick away from another item: a browser moves it on a tap, but
   * not for a press that moves (a drag), which left the keyboard's ring on the item the arrows
   * had reached while another was selected (QA, a phone with a keyboard). From anywhere else
   * the tap's own focus is left to the browser (a focus moved here would show the ring on every
   * tap). A mouse's press focuses by itself. An item that takes no focus (a drawing) leaves it
   * on the board.
   */
  #focusPicked(element: Element) {
    const holder = itemElementOf(document.activeElement);
    if (!holder || holder === element) return;
    const to = element instanceof HTMLElement && element.tabIndex >= 0 ? element : this.root;
    to.focus({ preventScroll: true });
  }

  #move = (event: PointerEvent) => {
    const screen = this.#screen(event);
    const point = this.env.viewport.toBoard(screen);
    if (event.pointerType !== 'touch') this.onCursor(point);
    if (this.#pointers.has(event.pointerId)) this.#pointers.set(event.pointerId, screen);
    if (this.#pinch && this.#pointers.size === 2) {
      const next = this.#pinchState();
      if (next) {
        this.env.viewport.zoomAt(next.distance / this.#pinch.distance, next.mid);
        this.env.viewport.panBy(next.mid.x - this.#pinch.mid.x, next.mid.y - this.#pinch.mid.y);
        this.#pinch = next;
      }
      return;
    }
    // The board may have closed to me before the canvas heard of it (see BoardCanvas).
    this.narrowed();
    this.#gesture?.move(point, screen);
  };

  #up = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    if (this.#pinch) {
      if (this.#pointers.size < 2) this.#pinch = null;
      return;
    }
    const gesture = this.#gesture;
    this.#gesture = null;
    if (!gesture) return;
    const screen = this.#screen(event);
    const under = document.elementFromPoint(event.clientX, event.clientY);
    gesture.end(this.env.viewport.toBoard(screen), screen, under);
  };

  #cancel = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    this.#pinch = null;
    this.#gesture?.cancel();
    this.#gesture = null;
  };

  #leave = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' && !this.#gesture) this.onCursor(null);
  };

  #pinchState(): { distance: number; mid: Point } | null {
    const [a, b] = [...this.#pointers.values()];
    if (!a || !b) return null;
    return {
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  }

  #wheel = (event: WheelEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('textarea, .im-ui')) return;
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.root.clientHeight : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    if (event.ctrlKey || event.metaKey) {
      // Trackpad pinches arrive as ctrl+wheel with small deltas; mouse wheels with ~100.
      const factor = Math.exp(-Math.max(-50, Math.min(50, dy)) * 0.01);
      this.env.viewport.zoomAt(factor, this.#screen(event));
    } else if (event.shiftKey && dx === 0) {
      this.env.viewport.panBy(-dy, 0);
    } else {
      this.env.viewport.panBy(-dx, -dy);
    }
  };

  #dblclick = (event: MouseEvent) => {
    const env = this.env;
    const under = document.elementFromPoint(event.clientX, event.clientY);
    if (under?.closest(EDITABLE)) return;
    const point = env.viewport.toBoard(this.#screen(event));
    const element = itemElementOf(under);
    const id = element?.getAttribute('data-item-id');
    const type = element?.getAttribute('data-item-type');
    const onFrameBody = type === 'frame' && !under?.closest('[data-handle]');
    if (id && type && !onFrameBody) {
      if (!env.model.mayEdit(id)) return;
      if (type === 'note' || type === 'text') env.state.startEditing(id, 'text');
      else if (type === 'frame') env.state.startEditing(id, 'title');
      else if (type === 'concept') {
        const field = under?.closest('[data-field]')?.getAttribute('data-field');
        env.state.startEditing(id, field ? `field:${field}` : 'title');
      }
      return;
    }
    if (env.state.tool !== 'select' || !usableTools(env).includes('note')) return;
    createAt(env, 'note', point);
  };
}
