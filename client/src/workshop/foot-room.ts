/**
 * An item's words never lie under its overlay's foot. One row of the foot fits the note's bottom
 * padding (overlay.css); a foot of more rows (a facilitator's assign button beside the badge and
 * the follow-up mark on a selected note, more so zoomed out, where the foot shrinks less than
 * the note; vote dots that wrap) rose over the note's last lines (QA). It cannot hang further
 * below instead: the next item paints over it there, and its buttons would be out of reach. So
 * the note's text makes room: the foot says on the note how many whole lines stay above it
 * (`data-foot-lines` and `--im-foot-lines` on the item), and the text ends there, its last line
 * in "…" (canvas.css), as a note too small for its text does; so does its editor while the note
 * is edited, which scrolls the line being typed into sight above the foot.
 *
 * A concept card keeps one row's room at its foot for the foot to sit in. On a card made narrow
 * its vote dots wrap into rows over its last fields (QA): the foot says on the card how far it
 * reaches up (`--im-foot-room`), and the fields end there (canvas.css), each on its last whole
 * line (ConceptBody).
 *
 * One ResizeObserver for all feet: a foot changes size as the zoom, the votes or the selection
 * change, an item as it is resized. A note's foot of one row writes nothing, so a board of notes
 * with a dot or a badge each costs a read per note, no style change.
 */
import { useCallback } from 'react';
import type { ItemType } from '../../../shared/board-document.ts';
import { itemElementOf } from '../canvas/items/overlay-layer.ts';

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

/**
 * How far the foot reaches up from the inside of the card's bottom edge, in the card's own
 * (board) px, rounded up: the room its fields leave below them.
 */
export function roomUnderFoot(item: HTMLElement, foot: HTMLElement): number | null {
  if (item.offsetHeight === 0) return null;
  const box = item.getBoundingClientRect();
  const scale = box.height / item.offsetHeight;
  const inside = box.bottom - Number.parseFloat(getComputedStyle(item).borderBottomWidth) * scale;
  return Math.ceil((inside - foot.getBoundingClientRect().top) / scale);
}

function writeLines(item: HTMLElement, lines: number | null) {
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
 * Written whatever the foot's rows, as cards are few: the room a card keeps anyway is the least
 * its fields leave (canvas.css), so a foot of one row changes nothing there.
 */
function writeRoom(item: HTMLElement, room: number | null) {
  const said = item.style.getPropertyValue('--im-foot-room');
  if (room === null) {
    if (said) item.style.removeProperty('--im-foot-room');
  } else if (said !== `${room}px`) {
    item.style.setProperty('--im-foot-room', `${room}px`);
  }
}

/** Per type of item, how its words make room for the foot; with no foot, they take it back. */
const MAKE_ROOM: Partial<Record<ItemType, (item: HTMLElement, foot: HTMLElement | null) => void>> =
  {
    note: (item, foot) => writeLines(item, foot ? linesAboveFoot(item, foot) : null),
    concept: (item, foot) => writeRoom(item, foot ? roomUnderFoot(item, foot) : null),
  };

/**
 * A ref for an overlay's foot that keeps the words of the item it is drawn on (of `type`) clear
 * of it, on a note or a concept card. A ref, not an effect: the foot comes and goes with what it
 * shows.
 */
export function useFootRoom(
  type: ItemType | undefined,
): (foot: HTMLElement | null) => (() => void) | undefined {
  return useCallback(
    (foot: HTMLElement | null) => {
      // Drawn in the overlay layer, above every item (canvas/items/overlay-layer.ts).
      const item = itemElementOf(foot);
      const makeRoom = type && MAKE_ROOM[type];
      if (!makeRoom || !foot || !item) return undefined;
      const measure = () => makeRoom(item, foot);
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
        makeRoom(item, null);
      };
    },
    [type],
  );
}
