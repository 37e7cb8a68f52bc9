/**
 * What an update may put into a board's document beyond decoding: values a board can hold
 * (SPEC, "The board document"). Everything the server does with a board afterwards (snapshots,
 * exports, a round's items, revealing private notes) reads it as JSON, and Yjs reads nested
 * types recursively, so two things a stock client can write would break those for good:
 *
 * - a BigInt among plain values (JSON has none), or a sub-document;
 * - shared types nested deeper than a board's shape goes (items → item → fields → text): a
 *   chain of thousands of maps overflows the stack of every recursive reader.
 *
 * Such an update is refused like a malformed one: nothing of it is applied, stored or relayed.
 */
import * as Y from 'yjs';
import { type DecodedStructs, MalformedMessage } from './protocol.ts';

/**
 * How many shared types may contain one another below a root: a board uses four (the items
 * map, an item, a concept's fields, a field's text); the rest is room for what a newer client
 * may add.
 */
export const MAX_NESTING = 8;

/**
 * Throws a MalformedMessage where `structs` (a decoded update for `doc`) hold what no board may.
 * `unapplied`: the depth of each nested type in updates accepted but not applied yet (this
 * turn's, applied at its end), by id; this update's are added to it.
 */
export function refuseOutOfShape(
  structs: DecodedStructs,
  doc: Y.Doc,
  unapplied: Map<string, number>,
): void {
  const depths = new Map<string, number>();
  const key = (id: Y.ID) => `${id.client}:${id.clock}`;
  const depthOf = (id: Y.ID): number => {
    const known = depths.get(key(id)) ?? unapplied.get(key(id));
    if (known !== undefined) return known;
    return depthInDoc(doc, id);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDoc) throw new MalformedMessage('a sub-document in an update');
    if (content instanceof Y.ContentAny) {
      for (const value of content.arr) plainValue(value);
    } else if (content instanceof Y.ContentEmbed) {
      plainValue(content.embed);
    } else if (content instanceof Y.ContentFormat) {
      plainValue(content.value);
    } else if (content instanceof Y.ContentType) {
      // In its parent (a root, or the item of a type), or beside the item it was inserted next
      // to, in the same parent.
      const { parent } = struct;
      const sibling = struct.origin ?? struct.rightOrigin;
      const depth =
        typeof parent === 'string'
          ? 1
          : parent instanceof Y.ID
            ? depthOf(parent) + 1
            : sibling
              ? depthOf(sibling)
              : Number.POSITIVE_INFINITY;
      if (depth > MAX_NESTING) {
        throw new MalformedMessage(`shared types nested deeper than ${MAX_NESTING}`);
      }
      depths.set(key(struct.id), depth);
    }
  }
  for (const [id, depth] of depths) unapplied.set(id, depth);
}

/**
 * How many shared types contain item `id` of `doc`, counting up to MAX_NESTING + 1; an item the
 * doc does not have (nor an update before this one) counts as too deep: its parents cannot be
 * checked, and a client sends what an edit depends on before the edit.
 */
function depthInDoc(doc: Y.Doc, id: Y.ID): number {
  const item = itemIn(doc, id);
  if (!item) return Number.POSITIVE_INFINITY;
  let depth = 1;
  let parent = item.parent;
  while (parent instanceof Y.AbstractType && parent._item && depth <= MAX_NESTING) {
    depth++;
    parent = parent._item.parent;
  }
  return depth;
}

/**
 * The item of `doc` holding `id`; null where the doc has none (or only a GC'd range). An id past
 * the doc's end (one an update of this turn makes, not applied yet: a move's origin is the move
 * before it) is answered without asking Yjs, whose search throws there: the stack trace cost
 * 12-46 µs a time, and made 20,000 moves a second 300 µs of server CPU each instead of 30
 * (bench/ throughput, 5 December).
 */
export function itemIn(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const last = doc.store.clients.get(id.client)?.at(-1);
  if (!last || id.clock >= last.id.clock + last.length) return null;
  try {
    const found = Y.getItem(doc.store, id);
    return found instanceof Y.Item ? found : null;
  } catch {
    return null;
  }
}

/** Throws unless `value` is what JSON can hold (or undefined, or bytes). */
function plainValue(value: unknown, depth = 0): void {
  if (depth > 64) throw new MalformedMessage('a value nested too deep');
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return;
    case 'object': {
      if (value === null || value instanceof Uint8Array) return;
      const inner = Array.isArray(value) ? value : Object.values(value);
      for (const item of inner) plainValue(item, depth + 1);
      return;
    }
    default:
      throw new MalformedMessage(`a ${typeof value} value in an update`);
  }
}
