/**
 * An update must integrate completely: everything it builds on is on the board already (or
 * arrives in an update accepted before it, or in itself). Yjs keeps what does not integrate
 * aside (its pending structs and deletions) and tries it again at every later update, for good:
 * stored and relayed, the parts waited on every server and client that loaded the board. A few
 * hundred kilobytes of them cost the server seconds per later edit (QA: 20,000 waiting structs,
 * then five 25-byte messages, held it 13.7 s; a deletion of a million ranges of an unknown
 * client, 277 ms at every later keystroke of anyone).
 *
 * A client never needs to send such an update: it sends its edits after what they depend on,
 * and the server relays only what it could integrate. One is refused like a malformed message:
 * nothing of it is applied, stored or relayed, and the client's next connection syncs again.
 */
import * as Y from 'yjs';
import { type DecodedStructs, type DecodedUpdate, MalformedMessage } from './protocol.ts';
import { itemIn } from './update-shape.ts';

/**
 * Throws a MalformedMessage where `decoded` (an update for `doc`) would leave anything pending:
 * a struct after a gap in its client's clock, an item inserted beside or into an item none of
 * them holds, a deletion of what none of them holds. `accepted`: each client's clock as the
 * updates accepted but not yet applied leave it. Returns the clocks this update brings, for the
 * caller to add to `accepted` once it accepts the update.
 */
export function refuseIncomplete(
  decoded: DecodedUpdate,
  doc: Y.Doc,
  accepted: ReadonlyMap<number, number>,
): Map<number, number> {
  const brought = new Map<number, number>();
  const clockOf = (client: number) =>
    brought.get(client) ?? Math.max(accepted.get(client) ?? 0, Y.getState(doc.store, client));
  // A client's structs come in the order of their clocks: each must start where the board, or
  // the struct before it, ends (it may repeat what the board has).
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) throw new MalformedMessage('an update with a gap in it');
    const { client, clock } = struct.id;
    const known = clockOf(client);
    if (clock > known) throw missing();
    brought.set(client, Math.max(known, clock + struct.length));
  }
  const has = (id: Y.ID | null) => id === null || id.clock < clockOf(id.client);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!has(struct.origin) || !has(struct.rightOrigin) || !has(parent)) throw missing();
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = clockOf(client);
    for (const { clock, len } of ranges) if (clock + len > known) throw missing();
  }
  return brought;
}

function missing(): MalformedMessage {
  return new MalformedMessage('an update that builds on changes the board does not have');
}

/**
 * How many of an update's entries for one key of one map may go elsewhere than after the key's
 * newest value. A client writing a key writes after the value it sees: its entries for a key
 * follow one another, and only one written beside someone else's concurrent change (or the
 * first of a key new to it) does not. Yjs integrates such an entry by walking the key's history
 * from where it goes: 20,000 of them in one update (264 KB) held the server 1 s, 80,000 15 s,
 * and every load of the board after (QA).
 */
export const MAX_ENTRIES_ASIDE = 16;

/**
 * Throws a MalformedMessage where `structs` (a decoded update for `doc`) hold more than
 * MAX_ENTRIES_ASIDE entries for one key of one map that do not follow the key's newest value:
 * the one before it in the update, or for the first, the board's newest value of the key (or
 * none, for a key new to the board).
 */
export function refuseEntriesAside(structs: DecodedStructs, doc: Y.Doc): void {
  // Fewer structs than that cannot hold too many (an edit, a move: the usual update).
  if (structs.length <= MAX_ENTRIES_ASIDE) return;
  /** The key each entry of this update is for, by its id. */
  const keyOf = new Map<string, string>();
  /** The newest entry of each key so far in this update. */
  const newest = new Map<string, string>();
  const aside = new Map<string, number>();
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const key = mapKey(struct, doc, keyOf);
    if (key === null) continue;
    keyOf.set(idKey(struct.id), key);
    const before = newest.get(key);
    const follows =
      before !== undefined
        ? struct.origin !== null && idKey(struct.origin) === before
        : struct.origin === null
          ? newestInDoc(doc, struct) === null
          : (itemIn(doc, struct.origin)?.right ?? null) === null;
    newest.set(key, idKey(struct.id));
    if (follows) continue;
    const count = (aside.get(key) ?? 0) + 1;
    if (count > MAX_ENTRIES_ASIDE) {
      throw new MalformedMessage(`more than ${MAX_ENTRIES_ASIDE} entries aside for one key`);
    }
    aside.set(key, count);
  }
}

/**
 * Which key of which map `item` (of an update) is an entry for, as a string; null for what is
 * not a map entry (text, array content) or cannot be told.
 */
function mapKey(item: Y.Item, doc: Y.Doc, keyOf: ReadonlyMap<string, string>): string | null {
  if (item.parentSub !== null) {
    const parent = item.parent;
    const where =
      typeof parent === 'string'
        ? parent
        : parent instanceof Y.ID
          ? `${parent.client}:${parent.clock}`
          : '';
    return `${where}\u0000${item.parentSub}`;
  }
  // Written after another entry: the key is that entry's.
  const origin = item.origin;
  if (origin === null) return null;
  const inUpdate = keyOf.get(`${origin.client}:${origin.clock}`);
  if (inUpdate !== undefined) return inUpdate;
  const found = itemIn(doc, origin);
  if (!found || found.parentSub === null) return null;
  const parent = found.parent as Y.AbstractType<unknown> | null;
  const where = parent?._item
    ? `${parent._item.id.client}:${parent._item.id.clock}`
    : rootName(doc, parent);
  return `${where}\u0000${found.parentSub}`;
}

/** The name of root type `type` of `doc`. */
function rootName(doc: Y.Doc, type: Y.AbstractType<unknown> | null): string {
  for (const [name, root] of doc.share) if (root === type) return name;
  return '';
}

/** The newest value `doc` holds for the key `item` (an entry naming its map and key) is for. */
function newestInDoc(doc: Y.Doc, item: Y.Item): Y.Item | null {
  const { parent, parentSub } = item;
  if (parentSub === null) return null;
  const map =
    typeof parent === 'string'
      ? doc.share.get(parent)
      : parent instanceof Y.ID
        ? (itemIn(doc, parent)?.content as Y.ContentType | undefined)?.type
        : undefined;
  return map?._map.get(parentSub) ?? null;
}
