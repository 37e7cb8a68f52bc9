/**
 * Two people adding a note to the same lane at once each put it in the first free cell, neither
 * seeing the other's: the notes land on one spot and the one on top hides the other, its dots
 * of votes too (QA, a development day: 8 notes from 4 phones on 3 spots). When someone else's
 * note arrives on the spot of a note I made a little before, the later made of the two
 * (createdAt, then id) goes aside (shared/note-placement.ts). Each page moves only its own
 * notes, and both pages compare the same two, so exactly one of them moves.
 */
import { useEffect, useRef } from 'react';
import * as Y from 'yjs';
import {
  type Item,
  type ItemMap,
  itemsOf,
  readItem,
  readItems,
} from '../../../shared/board-document.ts';
import { spotAside } from '../../../shared/note-placement.ts';
import { onSameSpot } from '../../../shared/note-spots.ts';

/** How long a note of mine may still go aside: a note written offline arrives with the page. */
const SETTLE_WINDOW_MS = 10 * 60_000;

/** How new a note moved onto mine must be to count as landing there (one going aside). */
const MOVED_NEW_MS = 30_000;

/** The origin of a move aside: not one of my edits, so the undo manager leaves it alone. */
export const SETTLE_ORIGIN = { settle: true };

const later = (a: Item, b: Item) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/**
 * Watches the shared board for others' new notes on the spot of a note of mine made in the last
 * SETTLE_WINDOW_MS, and moves mine aside where it is the later. `canMove()` says whether I may
 * write to the shared board just now (not locked, not a viewer): where not, mine stays.
 */
export function settleOwnNotes(doc: Y.Doc, canMove: () => boolean): () => void {
  const items = itemsOf(doc);
  /** My notes made while watching, by id, with when. */
  const mine = new Map<string, number>();
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const now = Date.now();
    for (const [id, at] of mine) if (now - at > SETTLE_WINDOW_MS) mine.delete(id);
    if (transaction.local) {
      if (transaction.origin === SETTLE_ORIGIN) return;
      for (const id of addedBy(events, items)) {
        if (items.get(id)?.get('type') === 'note') mine.set(id, now);
      }
      return;
    }
    // Others' notes new here, or moved here (one that went aside itself, onto a spot another
    // page chose at the same moment).
    const moved = new Set(movedBy(events, items));
    const added = [...addedBy(events, items), ...moved];
    if (mine.size === 0 || added.length === 0 || !canMove()) return;
    // Only others' notes: a frame or a label laid over a note hides nothing (review). And a
    // note moved here counts only if it is new too (one going aside from a third): an older
    // note dragged onto mine was put there on purpose.
    const arrived = added.flatMap((id) => {
      const item = readItem(id, items.get(id));
      return item?.type === 'note' && (!moved.has(id) || now - item.createdAt < MOVED_NEW_MS)
        ? [item]
        : [];
    });
    const moving = [...mine.keys()].flatMap((id) => {
      const note = readItem(id, items.get(id));
      // A pinned note stays where a facilitator fixed it.
      return note &&
        !note.pinned &&
        arrived.some((other) => onSameSpot(note, other) && later(note, other))
        ? [note]
        : [];
    });
    if (moving.length === 0) return;
    doc.transact(() => {
      const board = readItems(doc);
      for (const note of moving) {
        const aside = spotAside(board, note);
        if (!aside) continue;
        const map = items.get(note.id) as ItemMap;
        map.set('x', aside.x);
        map.set('y', aside.y);
        const moved = board.find((item) => item.id === note.id);
        if (moved) Object.assign(moved, aside);
      }
    }, SETTLE_ORIGIN);
  };
  items.observeDeep(observer);
  return () => items.unobserveDeep(observer);
}

/** Ids of the items a transaction added to the board. */
function addedBy(events: Y.YEvent<Y.AbstractType<unknown>>[], items: Y.Map<Y.Map<unknown>>) {
  const event = events.find((candidate) => candidate.target === items);
  if (!event) return [];
  return [...event.changes.keys].filter(([, change]) => change.action === 'add').map(([id]) => id);
}

/** Ids of the items whose place a transaction changed. */
function movedBy(events: Y.YEvent<Y.AbstractType<unknown>>[], items: Y.Map<Y.Map<unknown>>) {
  return events.flatMap((event) => {
    const [id] = event.path;
    const moved =
      event instanceof Y.YMapEvent &&
      event.path.length === 1 &&
      (event.keysChanged.has('x') || event.keysChanged.has('y'));
    return moved && typeof id === 'string' && items.has(id) ? [id] : [];
  });
}

/** settleOwnNotes() for the page's shared board while it is shown. */
export function useSettledNotes(doc: Y.Doc, canMove: boolean): void {
  const allowed = useRef(canMove);
  allowed.current = canMove;
  useEffect(() => settleOwnNotes(doc, () => allowed.current), [doc]);
}
