/**
 * A drag's writes to the document, and a resize's. Each write stays in the board's history for
 * good (about 20 bytes per moved item: the x and y it overwrote), and everyone who opens the
 * board loads it, so a drag writes the items' place at most every LIVE_WRITE_MS, not at every
 * frame: others see it move in steps as often as they see my pointer (presence-publisher.ts).
 * Every frame in between draws the items where the pointer has them (model/drag-preview.ts). A
 * write and the preview's catching up with it are one synchronous React render, so no frame
 * shows an item back at its old place. A resize writes its item's size the same way.
 */
import { flushSync } from 'react-dom';
import { type BoxDelta, NO_DELTA, sameDelta } from '../model/drag-preview.ts';
import { type Placed, placeAt, resizeTo } from '../model/edit-actions.ts';
import type { Box } from '../model/geometry.ts';
import type { ToolEnv } from './tool-env.ts';

export const LIVE_WRITE_MS = 80;

export interface LiveEdit {
  /** The items are now `delta` (board units) from where the gesture started. */
  push(delta: BoxDelta): void;
  /** Writes where the items are now and ends the preview. */
  flush(): void;
  /** Ends the preview and forgets what was not written. */
  drop(): void;
}

export interface LiveMove extends LiveEdit {
  /** The items it moves, each with its place when the gesture started. */
  readonly moving: readonly Placed[];
  /**
   * What I may change has narrowed (board/write-access.ts): the items I may no longer change
   * leave the move, drawn at their place again. Returns how many left; with none kept, the
   * caller ends the move (`drop`).
   */
  keepEditable(): number;
}

/** `start`: the items the drag moves, each with its place when the drag started. */
export function liveMove(env: ToolEnv, start: readonly Placed[]): LiveMove {
  let moving = start;
  const ids = () => moving.map((p) => p.id);
  const edit = liveEdit(env, ids, (delta) => placeAt(env.model, moving, delta.x, delta.y));
  return {
    push: edit.push,
    flush: edit.flush,
    drop: edit.drop,
    get moving() {
      return moving;
    },
    keepEditable() {
      const kept = moving.filter((p) => env.model.mayEdit(p.id));
      const left = moving.length - kept.length;
      moving = kept;
      if (left > 0 && kept.length > 0) edit.idsChanged();
      return left;
    },
  };
}

/** `box`: the item's box when the resize started; a delta's `w` and `h` are added to it. */
export function liveResize(env: ToolEnv, id: string, box: Box): LiveEdit {
  return liveEdit(
    env,
    () => [id],
    (delta) => resizeTo(env.model, id, box.w + delta.w, box.h + delta.h),
  );
}

/**
 * `write(delta)` puts `ids()` where `delta` from the gesture's start has them; `idsChanged()`
 * when `ids()` is shorter: the items that left are drawn at their place again.
 */
function liveEdit(
  env: ToolEnv,
  ids: () => readonly string[],
  write: (delta: BoxDelta) => void,
): LiveEdit & { idsChanged(): void } {
  let latest = NO_DELTA;
  let written = latest;
  let writtenAt = -Infinity;
  let frame = 0;
  let previewing = false;
  const preview = () => env.preview.begin(ids());
  const writeLatest = () => {
    flushSync(() => {
      write(latest);
      written = latest;
      writtenAt = performance.now();
      env.preview.show(NO_DELTA);
    });
  };
  const unwritten = () => !sameDelta(latest, written);
  const onFrame = () => {
    frame = 0;
    if (!unwritten()) return env.preview.show(NO_DELTA);
    if (performance.now() - writtenAt >= LIVE_WRITE_MS) return writeLatest();
    env.preview.show({
      x: latest.x - written.x,
      y: latest.y - written.y,
      w: latest.w - written.w,
      h: latest.h - written.h,
    });
    // Written once due even if the pointer rests: others see where the drag has got to.
    frame = requestAnimationFrame(onFrame);
  };
  const finish = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    env.preview.end();
    previewing = false;
  };
  return {
    push(delta) {
      if (!previewing) preview();
      previewing = true;
      latest = delta;
      if (!frame) frame = requestAnimationFrame(onFrame);
    },
    idsChanged() {
      if (previewing) preview();
    },
    flush() {
      if (unwritten()) writeLatest();
      finish();
    },
    drop: finish,
  };
}
