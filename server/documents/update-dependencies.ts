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
import { type DecodedUpdate, MalformedMessage } from './protocol.ts';

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
