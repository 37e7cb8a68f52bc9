/** The pointer gestures: pan, move, resize, marquee, pen, eraser, connector. */
import { readItem } from '../../../../shared/board-document.ts';
import { STROKE_COLOR } from '../items/colors.ts';
import { itemIdOf } from '../items/overlay-layer.ts';
import { NO_DELTA } from '../model/drag-preview.ts';
import {
  clampedSize,
  createItem,
  deleteItems,
  movingSet,
  placeAt,
  snapToFrames,
} from '../model/edit-actions.ts';
import {
  boxOf,
  centre,
  containsBox,
  intersects,
  type Point,
  rectFromCorners,
  strokeBox,
  strokeHit,
} from '../model/geometry.ts';
import { liveMove, liveResize } from './live-move.ts';
import { type Gesture, perFrame, type ToolEnv, tellLeftOut } from './tool-env.ts';

/**
 * Moves the view with the pointer. `onTap`: what a press that never moved past a 3 px wiggle
 * does instead (a finger's tap on empty board, which clears the selection as a click does).
 */
export function panGesture(env: ToolEnv, startScreen: Point, onTap?: () => void): Gesture {
  let last = startScreen;
  let moved = false;
  return {
    move(_point, screen) {
      moved ||= Math.hypot(screen.x - startScreen.x, screen.y - startScreen.y) >= 3;
      env.viewport.panBy(screen.x - last.x, screen.y - last.y);
      last = screen;
    },
    end() {
      if (!moved) onTap?.();
    },
    cancel() {},
    narrowed: () => true,
  };
}

/**
 * Drags the selection (frames carry their contents); nothing is written below a 3 px wiggle.
 * Only the items I may change move (`ids`); `leftOut` selected ones stay, and I am told so.
 */
export function moveGesture(
  env: ToolEnv,
  start: Point,
  startScreen: Point,
  ids: string[],
  leftOut: number,
): Gesture {
  let started = false;
  const writer = liveMove(env, movingSet(env.model, ids));
  return {
    move(point, screen) {
      if (!started && Math.hypot(screen.x - startScreen.x, screen.y - startScreen.y) < 3) return;
      if (!started) {
        env.undo.beginGesture();
        tellLeftOut(env, 'move', leftOut);
      }
      started = true;
      writer.push({
        ...NO_DELTA,
        x: Math.round(point.x - start.x),
        y: Math.round(point.y - start.y),
      });
    },
    end() {
      if (!started) return;
      writer.flush();
      snapToFrames(
        env.model,
        writer.moving.map((p) => p.id),
      );
      env.undo.endGesture();
    },
    cancel() {
      if (!started) return;
      writer.drop();
      // Never a write to what I may no longer change (see narrowed).
      const mine = writer.moving.filter((p) => env.model.mayEdit(p.id));
      if (mine.length === writer.moving.length && env.undo.revertGesture()) return;
      placeAt(env.model, mine, 0, 0);
      env.undo.endGesture();
    },
    narrowed() {
      // The others go back to their shared places; what I may still change goes on.
      const left = writer.keepEditable();
      if (left === 0) return true;
      if (writer.moving.length === 0) {
        writer.drop();
        if (started) env.undo.endGesture();
        return false;
      }
      if (started) tellLeftOut(env, 'move', left);
      return true;
    },
  };
}

export function resizeGesture(env: ToolEnv, id: string, start: Point): Gesture {
  const item = env.model.read(id);
  const box = item ? boxOf(item) : null;
  env.undo.beginGesture();
  const writer = box ? liveResize(env, id, box) : null;
  return {
    move(point) {
      if (!box || !writer) return;
      // Sized as resizeTo will write it, so the preview draws what the document gets.
      const size = clampedSize(box.w + point.x - start.x, box.h + point.y - start.y);
      writer.push({ ...NO_DELTA, w: size.w - box.w, h: size.h - box.h });
    },
    end() {
      writer?.flush();
      snapToFrames(env.model, [id]);
      env.undo.endGesture();
    },
    cancel() {
      writer?.drop();
      // The gesture began on the press: undoing it puts the size back.
      if (box && env.model.mayEdit(id)) env.undo.revertGesture();
      else env.undo.endGesture();
    },
    narrowed() {
      if (env.model.mayEdit(id)) return true;
      writer?.drop();
      env.undo.endGesture();
      return false;
    },
  };
}

/** Selects what the dragged rectangle touches; a frame only when it lies wholly inside. */
export function marqueeGesture(env: ToolEnv, start: Point, additive: boolean): Gesture {
  const before = additive ? [...env.state.selection] : [];
  const hits = (point: Point) => {
    const area = rectFromCorners(start, point);
    const ids: string[] = [];
    for (const { item } of env.model.all()) {
      const box = boxOf(item);
      if (!box || !intersects(area, box)) continue;
      if (item.type === 'frame' && !containsBox(area, box)) continue;
      ids.push(item.id);
    }
    return ids;
  };
  const writer = perFrame<Point>((point) => {
    env.drafts.set({ marquee: rectFromCorners(start, point) });
    env.state.select([...before, ...hits(point)]);
  });
  return {
    move: (point) => writer.push(point),
    end(point) {
      writer.flush();
      env.state.select([...before, ...hits(point)]);
      env.drafts.set({ marquee: null });
    },
    cancel() {
      env.drafts.set({ marquee: null });
    },
    narrowed: () => true,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function penGesture(env: ToolEnv, start: Point): Gesture {
  const points = [round(start.x), round(start.y)];
  env.drafts.set({ pen: [...points] });
  return {
    move(point) {
      const lastX = points[points.length - 2]!;
      const lastY = points[points.length - 1]!;
      // Skip sub-pixel jitter: it only makes the stored stroke heavier.
      if (Math.hypot(point.x - lastX, point.y - lastY) * env.viewport.zoom < 1.5) return;
      points.push(round(point.x), round(point.y));
      env.drafts.set({ pen: [...points] });
    },
    end() {
      env.drafts.set({ pen: null });
      // Kept with the points so exports and foreign clients see where the stroke is; a pen
      // stroke has had its first point since the pointer went down.
      const box = strokeBox(points)!;
      env.undo.boundary();
      createItem(env.model, {
        type: 'stroke',
        ...box,
        points,
        color: STROKE_COLOR,
        author: env.me.id,
      });
      env.undo.boundary();
    },
    cancel() {
      env.drafts.set({ pen: null });
    },
    narrowed() {
      env.drafts.set({ pen: null });
      return false;
    },
  };
}

/** Deletes every stroke the pointer passes over; one undo step for the whole swipe. */
export function eraserGesture(env: ToolEnv, start: Point): Gesture {
  env.undo.beginGesture();
  const erase = (point: Point) => {
    const radius = 8 / env.viewport.zoom;
    const hit: string[] = [];
    for (const { item } of env.model.all()) {
      if (item.type !== 'stroke' || !strokeHit(item.points, point, radius)) continue;
      // A pinned stroke stays: the server would take the whole swipe back for it.
      if (env.model.mayEdit(item.id)) hit.push(item.id);
    }
    if (hit.length > 0) deleteItems(env.model, hit);
  };
  erase(start);
  return {
    move: erase,
    end: () => env.undo.endGesture(),
    cancel: () => env.undo.endGesture(),
    narrowed() {
      env.undo.endGesture();
      return false;
    },
  };
}

/** From one item to another; dropping anywhere else draws nothing. */
export function connectorGesture(env: ToolEnv, fromId: string, start: Point): Gesture {
  const from = env.model.read(fromId);
  const box = from ? boxOf(from) : null;
  const origin = box ? centre(box) : start;
  env.drafts.set({ connector: { from: origin, to: start } });
  return {
    move(point) {
      env.drafts.set({ connector: { from: origin, to: point } });
    },
    end(_point, _screen, target) {
      env.drafts.set({ connector: null });
      const toId = itemIdOf(target);
      if (!toId || toId === fromId) return;
      const to = env.model.mapOf(toId);
      const type = to ? readItem(toId, to)?.type : undefined;
      if (!type || type === 'connector') return;
      env.undo.boundary();
      createItem(env.model, {
        type: 'connector',
        x: 0,
        y: 0,
        from: fromId,
        to: toId,
        color: STROKE_COLOR,
        author: env.me.id,
      });
      env.undo.boundary();
    },
    cancel() {
      env.drafts.set({ connector: null });
    },
    narrowed() {
      env.drafts.set({ connector: null });
      return false;
    },
  };
}
