/**
 * Alt+arrow held down (keyboard.ts). A press moves the selection at once; the key then repeats
 * about 30 times a second, and every write stays in the board's history for good (about 20
 * bytes per moved item, live-move.ts), so the repeats move it as a drag does: drawn at every
 * repeat, written at most every LIVE_WRITE_MS. The press and its repeats are one undo step.
 * Letting go, another key, the pointer or leaving the window writes where they got to.
 */
import { type BoxDelta, NO_DELTA } from '../model/drag-preview.ts';
import { movingSet, type Placed, placeAt } from '../model/edit-actions.ts';
import { type LiveEdit, liveMove } from './live-move.ts';
import type { ToolEnv } from './tool-env.ts';

interface Hold {
  /** The ids it moves, as one string: a repeat for another selection starts a new hold. */
  key: string;
  moving: readonly Placed[];
  /** Of the repeats, from where the press left the items. */
  delta: BoxDelta;
  writer: LiveEdit;
}

export class HeldNudge {
  readonly #env: ToolEnv;
  #hold: Hold | null = null;

  constructor(env: ToolEnv) {
    this.#env = env;
  }

  /** A keydown of Alt+arrow moving `ids` (those I may change) by (dx, dy). */
  press(ids: readonly string[], dx: number, dy: number, repeat: boolean): void {
    const key = ids.join('\n');
    const held = this.#hold;
    if (repeat && held?.key === key) {
      held.delta = { ...NO_DELTA, x: held.delta.x + dx, y: held.delta.y + dy };
      held.writer.push(held.delta);
      return;
    }
    this.release();
    const { model, undo } = this.#env;
    undo.beginGesture();
    const start = movingSet(model, ids);
    placeAt(model, start, dx, dy);
    const hold: Hold = {
      key,
      // The repeats go on from where the press put them.
      moving: start.map((p) => ({ ...p, item: model.read(p.id) ?? p.item })),
      delta: NO_DELTA,
      writer: liveMove(this.#env, () => hold.moving),
    };
    this.#hold = hold;
  }

  /** Writes where the repeats got to and ends the undo step. */
  release(): void {
    this.#end('write');
  }

  /**
   * Ends the hold writing nothing more: the shared board has just become read-only to me (my
   * private notes too stop; the next press moves them again), or the canvas goes.
   */
  drop(): void {
    this.#end('drop');
  }

  #end(how: 'write' | 'drop'): void {
    const hold = this.#hold;
    if (!hold) return;
    this.#hold = null;
    if (how === 'write') hold.writer.flush();
    else hold.writer.drop();
    this.#env.undo.endGesture();
  }
}
