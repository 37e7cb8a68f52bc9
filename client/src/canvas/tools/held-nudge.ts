/**
 * Alt+arrow held down (keyboard.ts). A press moves the selection at once; the key then repeats
 * about 30 times a second, and every write stays in the board's history for good (about 20
 * bytes per moved item, live-move.ts), so the repeats move it as a drag does: drawn at every
 * repeat, written at most every LIVE_WRITE_MS. The press and its repeats are one undo step.
 * Letting go, another key, the pointer or leaving the window writes where they got to, and
 * files what moved under the frame it now lies in, as a drop does: a note nudged from one lane
 * of a journey into the next stayed in the first one for the outline, the exports and a round
 * limited to a frame (QA).
 */
import { type BoxDelta, NO_DELTA } from '../model/drag-preview.ts';
import { movingSet, placeAt, snapToFrames } from '../model/edit-actions.ts';
import { type LiveMove, liveMove } from './live-move.ts';
import { type ToolEnv, tellLeftOut } from './tool-env.ts';

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

interface Hold {
  /** The ids it moves: a repeat for another selection starts a new hold. */
  ids: readonly string[];
  /** Of the repeats, from where the press left the items. */
  delta: BoxDelta;
  writer: LiveMove;
}

export class HeldNudge {
  readonly #env: ToolEnv;
  #hold: Hold | null = null;

  constructor(env: ToolEnv) {
    this.#env = env;
  }

  /** A keydown of Alt+arrow moving `ids` (those I may change) by (dx, dy). */
  press(ids: readonly string[], dx: number, dy: number, repeat: boolean): void {
    const held = this.#hold;
    if (repeat && held && sameIds(held.ids, ids)) {
      held.delta = { ...NO_DELTA, x: held.delta.x + dx, y: held.delta.y + dy };
      held.writer.push(held.delta);
      return;
    }
    this.release();
    const { model, undo } = this.#env;
    undo.beginGesture();
    const start = movingSet(model, ids);
    placeAt(model, start, dx, dy);
    this.#hold = {
      ids,
      delta: NO_DELTA,
      // The repeats go on from where the press put them.
      writer: liveMove(
        this.#env,
        start.map((p) => ({ ...p, item: model.read(p.id) ?? p.item })),
      ),
    };
  }

  /** Writes where the repeats got to and ends the undo step. */
  release(): void {
    this.#end('write');
  }

  /**
   * What I may change may have narrowed (board/write-access.ts): what I may no longer change
   * gets nothing more written, and what the repeats had not written yet for it is forgotten
   * (it is drawn at its shared place again). What I may still change goes on with the hold
   * (my private notes when silent writing starts), as with a pointer drag.
   */
  narrowed(): void {
    const hold = this.#hold;
    if (!hold) return;
    const left = hold.writer.keepEditable();
    if (left === 0) return;
    if (hold.writer.moving.length === 0) return this.#end('drop');
    // The keyboard now asks to move only what I may still change: the same hold.
    hold.ids = hold.ids.filter((id) => this.#env.model.mayEdit(id));
    tellLeftOut(this.#env, 'move', left);
  }

  /** Ends the hold writing nothing more: the canvas goes. */
  drop(): void {
    this.#end('drop');
  }

  #end(how: 'write' | 'drop'): void {
    const hold = this.#hold;
    if (!hold) return;
    this.#hold = null;
    if (how === 'write') {
      hold.writer.flush();
      snapToFrames(
        this.#env.model,
        hold.writer.moving.map((p) => p.id),
      );
    } else hold.writer.drop();
    this.#env.undo.endGesture();
  }
}
