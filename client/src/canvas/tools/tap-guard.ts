/**
 * A finger's tap ends in a click that Chrome sends, once the finger is up, to whatever is under
 * it then: a control the press itself brought up there takes it. On a tablet a tap of the note
 * tool low on the board made a note, the selection bar came up under the finger, and the tap's
 * click pressed its Duplicate: two or three empty notes and no editor (QA). The press acts on
 * pointerdown, whose preventDefault stops the mouse events a tap sends but not its click. A
 * mouse's click goes to what both press and release were on, so never to a control that came
 * later.
 *
 * So on the canvas, the click of a tap (and the mouse events before it, which would move the
 * focus) reaches a control only if the tap began on that control.
 */

/** The canvas's controls: its bars' buttons and fields, and the overlays' (vote dots, assign). */
const CONTROLS = 'button, input, select, textarea, a[href], [role="button"]';

/**
 * A tap's click comes within this of its press: a press held longer is a long press, which
 * clicks nothing.
 */
const TAP_MS = 1000;

/** Keeps the taps on `root` (the canvas, with its bars) to what they began on. Returns the undo. */
export function guardTaps(root: HTMLElement): () => void {
  let press: { target: Element; at: number } | null = null;
  const down = (event: PointerEvent) => {
    press =
      event.pointerType !== 'mouse' && event.target instanceof Element
        ? { target: event.target, at: event.timeStamp }
        : null;
  };
  const stray = (event: MouseEvent) => {
    // A click from the keyboard (Enter, Space) has no detail: no finger is in it.
    if (!press || event.detail === 0 || event.timeStamp - press.at > TAP_MS) return;
    const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    if (!control || control.contains(press.target)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const types = ['mousedown', 'mouseup', 'click'] as const;
  root.addEventListener('pointerdown', down, { capture: true });
  for (const type of types) root.addEventListener(type, stray, { capture: true });
  return () => {
    root.removeEventListener('pointerdown', down, { capture: true });
    for (const type of types) root.removeEventListener(type, stray, { capture: true });
  };
}
