/**
 * A pinned item (shared/board-document.ts isPinned: a template's labels and frames, or what a
 * facilitator pinned) is changed only by a facilitator, and only a facilitator pins or unpins.
 * Anyone else's update that changes one (a value of its map, its text, a concept field, its
 * deletion) or writes an item's `pinned` is refused like an edit on a locked board: its sender
 * may go on editing the rest of the board, so it is applied and undone (refused-edit.ts).
 *
 * Read from the decoded update against the board as it is, on every update of a participant:
 * only a struct written into or beside one already on the board, and a deleted range, can reach
 * an item there, and each is found by id, so a new item costs nothing. A note whose `parent` is
 * a pinned frame, a connector to a pinned label, a note laid over a pinned lane: all new maps.
 */
import * as Y from 'yjs';
import { type ItemMap, isPinned, itemsOf } from '../../shared/board-document.ts';
import type { DecodedUpdate } from './protocol.ts';
import { itemIn, MAX_NESTING } from './update-shape.ts';

/** Whether `update` (decoded, for `doc`) changes a pinned item of `doc`, or pins or unpins one. */
export function touchesPinned(update: DecodedUpdate, doc: Y.Doc): boolean {
  // First: a document integrated from the store has its roots untyped until asked for as maps.
  const items = itemsOf(doc);
  for (const struct of update.structs) {
    if (struct instanceof Y.Item && writesPinned(struct, doc, items)) return true;
  }
  for (const [client, ranges] of update.ds.clients) {
    const structs = doc.store.clients.get(client);
    const last = structs?.at(-1);
    if (!structs || !last) continue;
    const end = last.id.clock + last.length;
    for (const { clock, len } of ranges) {
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const deleted = structs[i]!;
        if (deleted.id.clock >= clock + len) break;
        // Already gone: deleting it again changes nothing.
        if (!(deleted instanceof Y.Item) || deleted.deleted) continue;
        if (pinnedMapOf(deleted, items)) return true;
      }
    }
  }
  return false;
}

/** Whether `struct` (of a decoded update) writes into a pinned item, or writes an item's `pinned`. */
function writesPinned(struct: Y.Item, doc: Y.Doc, items: Y.Map<ItemMap>): boolean {
  // A map entry is encoded with its parent and key when the key had no value before; else beside
  // the value it replaces (its origin); a text's characters beside their neighbours. One with a
  // root for its parent is a new entry there: a new item.
  let holder: Y.Item | null;
  let key: string | null;
  if (struct.parent instanceof Y.ID) {
    holder = itemIn(doc, struct.parent);
    key = struct.parentSub;
    // Into a map made in this update (or this turn): no item on the board, but a new item comes
    // pinned only from a facilitator.
    if (!holder) return key === 'pinned';
  } else if (struct.parent === null) {
    const sibling = struct.origin ?? struct.rightOrigin;
    const beside = sibling ? itemIn(doc, sibling) : null;
    if (!beside) return false;
    // An entry of the items map written over: that item is replaced.
    if (beside.parent === items) return pinnedMapOf(beside, items) !== null;
    holder = holderOf(beside);
    key = beside.parentSub;
  } else {
    return false;
  }
  if (!holder) return false;
  const map = itemMapOf(holder, items);
  if (!map) return false;
  return isPinned(map) || (key === 'pinned' && holder.parent === items);
}

/** The item (struct) holding the type that `item` lies in; null for a root's entries. */
function holderOf(item: Y.Item): Y.Item | null {
  const parent = item.parent;
  return parent instanceof Y.AbstractType ? parent._item : null;
}

/**
 * The item map that `item` is (an entry of the items map) or lies in, however deep (its text,
 * a concept's fields); null when it is in no item.
 */
function itemMapOf(item: Y.Item, items: Y.Map<ItemMap>): ItemMap | null {
  let at: Y.Item | null = item;
  for (let depth = 0; at && depth <= MAX_NESTING; depth++) {
    if (at.parent === items) {
      const content = at.content;
      return content instanceof Y.ContentType && content.type instanceof Y.Map
        ? (content.type as ItemMap)
        : null;
    }
    at = holderOf(at);
  }
  return null;
}

/** The pinned item map `item` is or lies in; null when it is in no pinned item. */
function pinnedMapOf(item: Y.Item, items: Y.Map<ItemMap>): ItemMap | null {
  const map = itemMapOf(item, items);
  return map && isPinned(map) ? map : null;
}
