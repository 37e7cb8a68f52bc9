/**
 * Whether an update would change nothing: every struct in it is on the board already, and
 * everything it deletes is deleted there. A client answers the server's sync step 1 with what
 * the server lacks, and Yjs always adds the whole delete set of the client's document to it: a
 * page that reconnects to a board that ever had a deletion (a word typed over, a note removed)
 * sends one, though it edited nothing. On a board closed to it (locked, silent writing) that is
 * not a refused edit (journey QA: after a server restart every participant was told "Your
 * latest changes were not saved").
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.ts';

/** `doc` must hold everything accepted before the update (integrated, the queue applied). */
export function bringsNothingNew(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  const { store } = doc;
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    if (!structs) return false;
    const known = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > known) return false;
      // Walks the structs the range covers only: a board's delete set is mostly long runs.
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= clock + len) break;
        if (!struct.deleted) return false;
      }
    }
  }
  return true;
}
