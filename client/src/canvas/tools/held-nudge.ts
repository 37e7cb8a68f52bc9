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
import { type ToolEnv, tellLeftOut } from './tool-env.ts';

const keyOf = (ids: readonly string[]) => ids.join('\n');

interface Hold {
  /** The ids it moves, as one string: a repeat for another selection starts a new hold. */
  key: string;
  ids: readonly string[];
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
    const key = keyOf(ids);
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
      ids,
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
   * What I may change may have narrowed (board/write-access.ts): what I may no longer change
   * gets nothing more written, and what the repeats had not written yet for it is forgotten
   * (it is drawn at its shared place again). What I may still change goes on with the hold
   * (my private notes when silent writing starts), as with a pointer drag.
   */
  narrowed(): void {
    const hold = this.#hold;
    if (!hold) return;
    const { model } = this.#env;
    const mine = hold.moving.filter((p) => model.mayEdit(p.id));
    if (mine.length === hold.moving.length) return;
    if (mine.length === 0) return this.#end('drop');
    const left = hold.moving.length - mine.length;
    hold.moving = mine;
    // The keyboard now asks to move only what I may still change: the same hold.
    hold.ids = hold.ids.filter((id) => model.mayEdit(id));
    hold.key = keyOf(hold.ids);
    hold.writer.movingChanged();
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
    if (how === 'write') hold.writer.flush();
    else hold.writer.drop();
    this.#env.undo.endGesture();
  }
}
