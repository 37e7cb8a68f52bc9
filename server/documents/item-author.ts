/**
 * An item's `author` is set when the item is made (by its writer's client, or by the reveal of
 * silent writing) and no client changes it afterwards: the exports name the author, and the
 * reveal lets a writer's note replace only an item that is the writer's own. So an update that
 * sets `author` on an item already on the board, to anything but what it is, is refused like a
 * malformed one. A new item may carry any author: undoing the deletion of someone else's note
 * makes it anew, with its author.
 */
import * as Y from 'yjs';
import { itemsOf } from '../../shared/board-document.ts';
import { type DecodedStructs, MalformedMessage } from './protocol.ts';
import { itemIn } from './update-shape.ts';

/** Throws a MalformedMessage where `structs` (a decoded update for `doc`) rename an item. */
export function refuseAuthorChange(structs: DecodedStructs, doc: Y.Doc): void {
  // First: a document integrated from the store has its roots untyped until asked for as maps,
  // and asking makes a new one, the items' new parent.
  const items = itemsOf(doc);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const item = itemMapWhoseAuthorIsSet(doc, items, struct);
    if (!item) continue;
    const content = struct.content;
    const same = content instanceof Y.ContentAny && content.arr.at(-1) === item.get('author');
    if (!same) throw new MalformedMessage('a change to the author of an item on the board');
  }
}

/**
 * The item map of `doc` whose `author` `struct` (of a decoded update) sets; null when it sets
 * something else, or in a map that is not in the document yet (it comes in the same update, or
 * one of this turn), or not one of the board's items.
 */
function itemMapWhoseAuthorIsSet(
  doc: Y.Doc,
  items: ReturnType<typeof itemsOf>,
  struct: Y.Item,
): Y.Map<unknown> | null {
  // A map entry is encoded with its parent and key when the key had no value before; else
  // with the value it replaces as its origin, and the key is that one's.
  let map: unknown = null;
  if (struct.parent instanceof Y.ID) {
    if (struct.parentSub !== 'author') return null;
    const holder = itemIn(doc, struct.parent);
    map = holder?.content instanceof Y.ContentType ? holder.content.type : null;
  } else if (struct.parent === null) {
    const sibling = struct.origin ?? struct.rightOrigin;
    const replaced = sibling ? itemIn(doc, sibling) : null;
    if (replaced?.parentSub !== 'author') return null;
    map = replaced.parent;
  }
  if (!(map instanceof Y.Map) || map._item?.parent !== items) return null;
  return map;
}
