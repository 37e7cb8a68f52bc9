/**
 * A form's edit of one Y.Text. The form shows the text as it was when it opened, and others may
 * change it meanwhile: saving writes only what the person changed (one delete and one insert
 * between the part at the start and the part at the end that they left alone), moved past what
 * the others did, so both survive. What others typed inside the stretch the person replaced
 * goes with it; where both replaced the same words, both replacements stay.
 */
import * as Y from 'yjs';
import { textSplice } from '../../../shared/text-splice.ts';

/** A Y.Text change as Yjs reports it: retain, insert or delete, in order. */
type Delta = ReadonlyArray<{ insert?: unknown; retain?: number; delete?: number }>;

/**
 * Where index `at` of a text is after `delta`. Text inserted exactly at `at` lands before it
 * when `insertsBefore` (the start of an edited stretch), after it otherwise (its end).
 */
export function mapIndex(at: number, delta: Delta, insertsBefore: boolean): number {
  let index = 0;
  let moved = at;
  for (const op of delta) {
    if (index > at) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.delete !== undefined) {
      // Deleted before `at`: it moves back; deleted across it: it moves to the gap.
      moved -= Math.max(0, Math.min(op.delete, at - index));
      index += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < at || (index === at && insertsBefore)) moved += length;
    }
  }
  return moved;
}

export class TextEdit {
  /** The text when the form opened. */
  readonly initial: string;
  readonly #text: Y.Text | null;
  readonly #changes: Delta[] = [];
  #recording = true;

  /** `text`: the Y.Text being edited, or whatever a foreign client stored in its place. */
  constructor(text: unknown) {
    this.#text = text instanceof Y.Text ? text : null;
    this.initial = this.#text ? this.#text.toString() : typeof text === 'string' ? text : '';
    this.#text?.observe(this.#record);
  }

  #record = (event: Y.YTextEvent) => {
    this.#changes.push(event.delta as Delta);
  };

  /** The form closed: stop listening. */
  end(): void {
    if (!this.#recording) return;
    this.#recording = false;
    this.#text?.unobserve(this.#record);
  }

  /**
   * Writes what changed from `initial` to `typed` into `text` (the item's Y.Text now; call inside
   * a transaction). Returns false when there is no Y.Text to change (the caller stores a new one).
   */
  save(text: unknown, typed: string): boolean {
    this.end();
    if (!(text instanceof Y.Text)) return false;
    if (text !== this.#text) {
      // Someone replaced the whole Y.Text meanwhile: there is nothing of theirs to keep apart.
      const change = textSplice(text.toString(), typed);
      if (change) write(text, change.index, change.index + change.remove, change.insert);
      return true;
    }
    const change = textSplice(this.initial, typed);
    if (!change) return true;
    let from = change.index;
    let to = change.index + change.remove;
    for (const delta of this.#changes) {
      from = mapIndex(from, delta, true);
      to = mapIndex(to, delta, false);
    }
    write(text, from, Math.max(from, to), change.insert);
    return true;
  }
}

function write(text: Y.Text, from: number, to: number, inserted: string): void {
  if (to > from) text.delete(from, to - from);
  if (inserted) text.insert(from, inserted);
}
