/**
 * A form's edit of one Y.Text. The form shows the text as it was when it opened, and others may
 * change it meanwhile: saving writes only what the person changed (one delete and one insert
 * between the part at the start and the part at the end that they left alone), moved past what
 * the others did, so both survive. What others typed inside the stretch the person replaced
 * goes with it; where both replaced the same words, both replacements stay.
 */
import * as Y from 'yjs';

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

/** The stretch that differs: [start, start + removed) of `from` becomes `inserted`. */
function difference(from: string, to: string) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  ) {
    end++;
  }
  return { start, removed: from.length - start - end, inserted: to.slice(start, to.length - end) };
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
      const { start, removed, inserted } = difference(text.toString(), typed);
      write(text, start, start + removed, inserted);
      return true;
    }
    const { start, removed, inserted } = difference(this.initial, typed);
    if (removed === 0 && inserted === '') return true;
    let from = start;
    let to = start + removed;
    for (const delta of this.#changes) {
      from = mapIndex(from, delta, true);
      to = mapIndex(to, delta, false);
    }
    write(text, from, Math.max(from, to), inserted);
    return true;
  }
}

function write(text: Y.Text, from: number, to: number, inserted: string): void {
  if (to > from) text.delete(from, to - from);
  if (inserted) text.insert(from, inserted);
}
