/**
 * Presence (Yjs awareness) of one document: who is here, their cursors. Lossy by nature, so
 * it is rate-limited per connection, echoes are dropped unparsed, and changes go out merged on
 * their own clock, never in the way of document updates.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Metrics } from '../observability/metrics.ts';
import { Peer } from './peer.ts';
import { type AwarenessEntry, encodeAwareness, encodeAwarenessEntries } from './protocol.ts';

export class Presence {
  readonly awareness: awarenessProtocol.Awareness;
  readonly #flushMs: number;
  readonly #metrics: Metrics;
  readonly #broadcast: (message: Uint8Array) => void;
  #changed = new Set<number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    doc: Y.Doc,
    options: { flushMs: number; metrics: Metrics; broadcast: (message: Uint8Array) => void },
  ) {
    this.#flushMs = options.flushMs;
    this.#metrics = options.metrics;
    this.#broadcast = options.broadcast;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onUpdate);
  }

  /** Everyone's presence as one message, for a new connection; null when there is none. */
  everyone(): Uint8Array | null {
    const states = Array.from(this.awareness.getStates().keys());
    if (states.length === 0) return null;
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
  }

  /** Applies what is new in one awareness message. Throws when a new state is not JSON. */
  receive(peer: Peer, update: Uint8Array, entries: AwarenessEntry[]): void {
    // Stock y-websocket clients send back every presence change they receive: such echoes
    // carry nothing new, so they are dropped before any JSON is parsed or budget spent.
    const fresh = entries.filter((entry) => this.#isNew(entry));
    if (fresh.length === 0) return;
    // Over the budget, the newest state simply waits for the next.
    if (!peer.awarenessBudget.take()) {
      this.#metrics.messagesRejected.inc({ reason: 'awareness_rate' });
      return;
    }
    for (const entry of fresh) JSON.parse(entry.state);
    const news = fresh.length === entries.length ? update : encodeAwarenessEntries(fresh);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, news, peer);
  }

  /** A connection went away: its clients' presence goes with it. */
  drop(peer: Peer): void {
    if (peer.clientIds.size === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(peer.clientIds), null);
  }

  /** The rule y-protocols applies: a newer clock, or a removal at the same clock. */
  #isNew({ clientId, clock, state }: AwarenessEntry): boolean {
    const known = this.awareness.meta.get(clientId)?.clock ?? 0;
    return (
      known < clock || (known === clock && state === 'null' && this.awareness.states.has(clientId))
    );
  }

  #onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Peer) {
      for (const id of change.added) origin.clientIds.add(id);
      for (const id of change.removed) origin.clientIds.delete(id);
    }
    for (const id of change.added) this.#changed.add(id);
    for (const id of change.updated) this.#changed.add(id);
    for (const id of change.removed) this.#changed.add(id);
    // One merged message per document every flushMs, however many cursors moved.
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, this.#flushMs);
  };

  #flush(): void {
    if (this.#changed.size === 0) return;
    const ids = Array.from(this.#changed);
    this.#changed = new Set();
    this.#broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  destroy(): void {
    clearTimeout(this.#timer);
    this.awareness.off('update', this.#onUpdate);
    this.awareness.destroy();
  }
}
