/**
 * When someone else deletes the item whose text I am typing, its editor vanishes mid-word. The
 * keys I go on typing were meant for the text, not the board: letters would switch tools and
 * Backspace delete. They are swallowed until I pause, press the pointer, or leave with Escape.
 */

/** A pause this long means the typing stopped: later keys are shortcuts again. */
export const TYPING_PAUSE_MS = 1500;

/** Keys that never edit text and never act on items: they keep working. */
const PASSING = new Set([
  'Escape',
  'Tab',
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'AltGraph',
  'CapsLock',
]);

export class TypingGuard {
  #until = 0;
  /** Where the keys swallowed go, when someone keeps them (the words I was writing). */
  #keep: ((event: KeyboardEvent) => void) | null = null;

  /** The editor has just gone: what follows is the rest of the typing. */
  arm(now = performance.now()): void {
    this.#until = now + TYPING_PAUSE_MS;
    this.#keep = null;
  }

  /**
   * The editor of item `id` is taken from me mid-word (someone deleted the item, or the board
   * closed to me): arms the guard, and keeps the keyboard on the canvas `surface` rather than
   * letting it fall to the page. Called before React removes the editor from the page. `keep`
   * gets each key swallowed.
   */
  editorTaken(
    id: string,
    surface: HTMLElement | null,
    keep: ((event: KeyboardEvent) => void) | null = null,
  ): void {
    this.arm();
    this.#keep = keep;
    const active = document.activeElement;
    // The item's element, or the layer a frame's title editor is lifted into (FrameTitle.tsx).
    const own = `[data-item-id="${CSS.escape(id)}"], [data-title-of="${CSS.escape(id)}"]`;
    if (active === null || active === document.body || active.closest(own) !== null) {
      surface?.focus({ preventScroll: true });
    }
  }

  disarm(): void {
    this.#until = 0;
    this.#keep = null;
  }

  /** Whether `event` belongs to the typing that was going on; each such key extends the guard. */
  swallows(event: KeyboardEvent, now = performance.now()): boolean {
    if (this.#until === 0) return false;
    if (now > this.#until || event.key === 'Escape') {
      this.disarm();
      return false;
    }
    if (PASSING.has(event.key)) return false;
    this.#until = now + TYPING_PAUSE_MS;
    this.#keep?.(event);
    return true;
  }
}
