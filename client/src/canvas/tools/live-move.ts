/**
 * A drag's writes to the document. Each write stays in the board's history for good (about 20
 * bytes per moved item: the x and y it overwrote), and everyone who opens the board loads it,
 * so a drag writes the items' place at most every LIVE_WRITE_MS, not at every frame: others
 * see it move in steps as often as they see my pointer (presence-publisher.ts). Every frame in
 * between draws the items where the pointer has them (model/drag-preview.ts). A write and the
 * preview's catching up with it are one synchronous React render, so no frame shows an item
 * back at its old place.
 */
import { flushSync } from 'react-dom';
import { type Placed, placeAt } from '../model/edit-actions.ts';
import type { Point } from '../model/geometry.ts';
import type { ToolEnv } from './tool-env.ts';

export const LIVE_WRITE_MS = 80;

export interface LiveMove {
  /** The items are now `delta` (board units) from where the drag started. */
  push(delta: Point): void;
  /** Some items left the drag (`moving()` is shorter): they are drawn at their place again. */
  movingChanged(): void;
  /** Writes where the items are now and ends the preview. */
  flush(): void;
  /** Ends the preview and forgets what was not written. */
  drop(): void;
}

/** `moving()`: the items the drag moves, each with its place when the drag started. */
export function liveMove(env: ToolEnv, moving: () => readonly Placed[]): LiveMove {
  let latest: Point = { x: 0, y: 0 };
  let written = latest;
  let writtenAt = -Infinity;
  let frame = 0;
  let previewing = false;
  const preview = () => env.preview.begin(moving().map((p) => p.id));
  const write = () => {
    flushSync(() => {
      placeAt(env.model, moving(), latest.x, latest.y);
      written = latest;
      writtenAt = performance.now();
      env.preview.show({ x: 0, y: 0 });
    });
  };
  const unwritten = () => latest.x !== written.x || latest.y !== written.y;
  const onFrame = () => {
    frame = 0;
    if (!unwritten()) return env.preview.show({ x: 0, y: 0 });
    if (performance.now() - writtenAt >= LIVE_WRITE_MS) return write();
    env.preview.show({ x: latest.x - written.x, y: latest.y - written.y });
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
    movingChanged() {
      if (previewing) preview();
    },
    flush() {
      if (unwritten()) write();
      finish();
    },
    drop: finish,
  };
}
