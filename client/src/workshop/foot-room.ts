/**
 * A note's words never lie under its overlay's foot. One row of the foot fits the note's bottom
 * padding (overlay.css); a foot of more rows (a facilitator's assign button beside the badge and
 * the follow-up mark on a selected note, more so zoomed out, where the foot shrinks less than
 * the note; vote dots that wrap) rose over the note's last lines (QA). It cannot hang further
 * below instead: the next item paints over it there, and its buttons would be out of reach. So
 * the note's text makes room: the foot says on the note how many whole lines stay above it
 * (`data-foot-lines` and `--im-foot-lines` on the item), and the text ends there, its last line
 * in "…" (canvas.css), as a note too small for its text does.
 *
 * One ResizeObserver for all feet: a foot changes size as the zoom, the votes or the selection
 * change, a note as it is resized. A foot of one row writes nothing, so a board of notes with a
 * dot or a badge each costs a read per note, no style change.
 */
import { useCallback } from 'react';

const measures = new Map<Element, () => void>();
let observer: ResizeObserver | null = null;

function observerOf(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    const due = new Set<() => void>();
    for (const entry of entries) {
      const measure = measures.get(entry.target);
      if (measure) due.add(measure);
    }
    for (const measure of due) measure();
  });
  return observer;
}

/** The whole lines of the note's text above `foot`, or null where the foot leaves them all. */
export function linesAboveFoot(item: HTMLElement, foot: HTMLElement): number | null {
  const text = item.querySelector<HTMLElement>(':scope > [data-item-text]');
  if (!text || item.offsetHeight === 0) return null;
  const box = item.getBoundingClientRect();
  // The board's zoom (and a phone's pinch) scales the item: offsetHeight is its own size.
  const scale = box.height / item.offsetHeight;
  const style = getComputedStyle(item);
  const inset = Number.parseFloat(style.paddingBottom) + Number.parseFloat(style.borderBottomWidth);
  const footTop = foot.getBoundingClientRect().top;
  if (footTop >= box.bottom - inset * scale - 0.5) return null;
  const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight) * scale;
  if (!(lineHeight > 0)) return null;
  const room = footTop - text.getBoundingClientRect().top;
  // Not 0: -webkit-line-clamp takes no 0, and a note shows at least the start of its words.
  return Math.max(1, Math.floor(room / lineHeight + 0.01));
}

function write(item: HTMLElement, lines: number | null) {
  const said = item.dataset.footLines;
  if (lines === null) {
    if (said === undefined) return;
    delete item.dataset.footLines;
    item.style.removeProperty('--im-foot-lines');
  } else if (said !== String(lines)) {
    item.dataset.footLines = String(lines);
    item.style.setProperty('--im-foot-lines', String(lines));
  }
}

/**
 * A ref for an overlay's foot that keeps the note it is drawn on clear of it, while `enabled`
 * (the item is a note). A ref, not an effect: the foot comes and goes with what it shows.
 */
export function useFootRoom(
  enabled: boolean,
): (foot: HTMLElement | null) => (() => void) | undefined {
  return useCallback(
    (foot: HTMLElement | null) => {
      const item = foot?.closest<HTMLElement>('[data-item-id]');
      if (!enabled || !foot || !item) return undefined;
      const measure = () => write(item, linesAboveFoot(item, foot));
      const watching = observerOf();
      measures.set(foot, measure);
      measures.set(item, measure);
      watching.observe(foot);
      watching.observe(item);
      return () => {
        watching.unobserve(foot);
        watching.unobserve(item);
        measures.delete(foot);
        measures.delete(item);
        write(item, null);
      };
    },
    [enabled],
  );
}
