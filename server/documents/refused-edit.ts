/**
 * Refusing an edit from a member who may edit again later (a locked board, silent writing).
 * Dropping it would leave a gap in that client's clock, so none of its later edits could ever
 * integrate. Instead the edit is applied, undone and garbage-collected in memory, and only the
 * result is stored and relayed, to everyone including its author: the same clocks, none of
 * the refused content, and the author's view reverts.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Marks an edit that is applied only to be undone. */
const REFUSED_ORIGIN = Symbol('refused');

/**
 * Applies and undoes `update` in `doc`; returns the content-free update to store and relay.
 * `complete` is false when part of the update depended on changes the document does not have:
 * that part is forgotten (an honest client never sends such an update; its sender must resync).
 */
export function applyAndUndo(
  doc: Y.Doc,
  update: Uint8Array,
): { reverted: Uint8Array; complete: boolean } {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  const before = Y.encodeStateVector(doc);
  const undo = new Y.UndoManager(doc, {
    trackedOrigins: new Set([REFUSED_ORIGIN]),
    captureTimeout: 0,
  });
  let complete = true;
  // What the edit and its undoing delete: garbage-collected afterwards, and nothing else. The
  // whole document's deletions, gathered for every refused edit, cost 8 ms each on a board of
  // 50,000 notes, and a participant on a locked board sends hundreds a second (QA).
  const deleted: Y.Transaction['deleteSet'][] = [];
  const gather = (transaction: Y.Transaction) => deleted.push(transaction.deleteSet);
  doc.on('afterTransaction', gather);
  try {
    Y.applyUpdate(doc, update, REFUSED_ORIGIN);
    // Structs waiting for missing dependencies cannot be undone, and must not integrate later
    // when those arrive: they are dropped, and only what did integrate is undone.
    if (store.pendingStructs !== pendingStructs || store.pendingDs !== pendingDs) {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
      complete = false;
    }
    undo.undo();
    undo.clear();
  } finally {
    undo.destroy();
    doc.off('afterTransaction', gather);
  }
  const deletions = Y.mergeDeleteSets(deleted);
  Y.tryGc(deletions, store, () => true);
  return { reverted: updateSince(doc, Y.decodeStateVector(before), deletions), complete };
}

/**
 * What `doc` holds beyond the state vector `before`, with `deletions` for its delete set: the
 * update `Y.encodeStateAsUpdate(doc, before)` would write, less the rest of the document's
 * deletions. That one gathers every deletion the board ever had by walking every struct in it,
 * and sends them all along: on a locked board of 15,000 notes, 5,000 of them deleted, 2.2–3.8 ms
 * of CPU and 9–20 KB stored and relayed to every member per refused move, against 0.3–0.4 ms
 * and 34–60 bytes so (npm run bench:refused). Written as Yjs 13.6's own writeClientsStructs and
 * writeDeleteSet write it, which it does not export (V1: clients in descending order, each
 * client's new structs, then the delete set); the unit test holds every copy to the server's.
 */
function updateSince(
  doc: Y.Doc,
  before: Map<number, number>,
  deletions: Y.Transaction['deleteSet'],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const rest = encoder.restEncoder;
  const grown = [...doc.store.clients.entries()]
    .map(([client, structs]) => {
      const last = structs[structs.length - 1]!;
      const from = Math.max(before.get(client) ?? 0, structs[0]!.id.clock);
      return { client, structs, from, end: last.id.clock + last.length };
    })
    .filter(({ from, end }) => end > from)
    .sort((a, b) => b.client - a.client);
  encoding.writeVarUint(rest, grown.length);
  for (const { client, structs, from } of grown) {
    const start = Y.findIndexSS(structs, from);
    encoding.writeVarUint(rest, structs.length - start);
    encoder.writeClient(client);
    encoding.writeVarUint(rest, from);
    structs[start]!.write(encoder, from - structs[start]!.id.clock);
    for (let i = start + 1; i < structs.length; i++) structs[i]!.write(encoder, 0);
  }
  const clients = [...deletions.clients.entries()].sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(rest, clients.length);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(rest, client);
    encoding.writeVarUint(rest, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}
