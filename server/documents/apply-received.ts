/**
 * How a turn's updates enter the live document: one Yjs transaction per peer. Yjs encodes a
 * transaction's changes as one update, so a burst from one client (or a busy board) costs one
 * row to store and one message per connection to relay, not one per update. Merging the
 * updates afterwards (Y.mergeUpdates) would cost more than relaying them one by one.
 */
import * as Y from 'yjs';
import type { Peer } from './peer.ts';

/** A validated update from a peer, applied at the next flush. */
export interface Received {
  update: Uint8Array;
  origin: Peer;
}

/** An update applied to the doc, waiting to be stored and relayed. */
export interface Pending {
  update: Uint8Array;
  /** The connection it came from (it is not relayed back there); null for the server's own. */
  origin: Peer | null;
  /** How many updates from clients it stands for. */
  count: number;
}

/**
 * Applies `received` to `doc`, one transaction per peer in order of each peer's first update,
 * and returns what each transaction changed (a peer's single update as it came). Several
 * updates that bring nothing new leave nothing to store or relay. Throws where Yjs fails to
 * integrate an update (the doc may then hold part of the batch: the caller reloads it).
 */
export function applyByPeer(doc: Y.Doc, received: readonly Received[]): Pending[] {
  const byPeer = new Map<Peer, Uint8Array[]>();
  for (const { update, origin } of received) {
    const updates = byPeer.get(origin);
    if (updates) updates.push(update);
    else byPeer.set(origin, [update]);
  }
  const applied: Pending[] = [];
  for (const [peer, updates] of byPeer) {
    if (updates.length === 1) {
      // The usual case: relayed as it came, with no transaction to re-encode.
      Y.applyUpdate(doc, updates[0]!, peer);
      applied.push({ update: updates[0]!, origin: peer, count: 1 });
      continue;
    }
    let changes: Uint8Array | undefined;
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === peer) changes = update;
    };
    doc.on('update', capture);
    try {
      Y.transact(
        doc,
        () => {
          for (const update of updates) Y.applyUpdate(doc, update, peer);
        },
        peer,
      );
    } finally {
      doc.off('update', capture);
    }
    if (changes) applied.push({ update: changes, origin: peer, count: updates.length });
  }
  return applied;
}
