/**
 * Presence (Yjs awareness) of one document: who is here, their cursors. Lossy by nature, so
 * it is rate-limited per connection, echoes are dropped unparsed, and changes go out merged on
 * their own clock, never in the way of document updates.
 *
 * Every connection receives every relayed state, and stock y-websocket clients parse it and
 * send it back: N people moving cursors cost N² deliveries a tick, enough on a crowded board
 * to take all of the clients' time and starve the board's own updates. So a board relays at
 * most `fanoutPerSec` state deliveries a second, summed over its connections, a connection
 * that sends every state back counting twice: past it, each tick relays the clients that have
 * waited longest, with their newest state, and the others wait their turn. Below ~100 people
 * moving at once (~75 with stock y-websocket clients) nothing waits; with 200, each cursor
 * still updates a few times a second.
 *
 * Each tick also costs every connection one message, however few states it carries (and a
 * stock client's echo back): so a crowded board ticks less often, sending at most
 * `messagesPerSec` presence messages a second over all its connections (by default every
 * 50 ms up to 200 connections, every 125 ms with 500).
 *
 * A member speaks only for themselves: an awareness client id belongs to the connection that
 * published it first (or to a newer connection of the same member, a reconnect), and the
 * `member` a state names is rewritten to the connection's own, so nobody can move, remove or
 * pose as someone else's presence. While silent writing runs, a participant's cursor,
 * selection and viewport are blanked as they arrive (EditPolicy.hidesWhereabouts).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { publicMember } from '../../shared/api.ts';
import { presenceLastsWhileConnected } from '../../shared/presence-lifetime.ts';
import type { Member } from '../../shared/roles.ts';
import type { Metrics } from '../observability/metrics.ts';
import { Peer } from './peer.ts';
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeAwarenessState,
  isNullState,
  parseAwarenessState,
} from './protocol.ts';

/** The budget's time unit when presence goes out at once (PRESENCE_FLUSH_MS=0). */
const MIN_TICK_MS = 50;

/** Presence client ids one connection may publish at once: a page has one per document. */
export const MAX_CLIENTS_PER_CONNECTION = 8;

export class Presence {
  readonly awareness: awarenessProtocol.Awareness;
  readonly #flushMs: number;
  readonly #metrics: Metrics;
  readonly #fanoutPerSec: number;
  readonly #messagesPerSec: number;
  readonly #connections: () => number;
  readonly #deliveriesPerState: () => number;
  readonly #broadcast: (message: Uint8Array) => void;
  readonly #hidesWhereabouts: (member: Member) => boolean;
  /** Client ids with a change not yet relayed, longest-waiting first (insertion order). */
  readonly #changed = new Set<number>();
  /** The connection that speaks for each awareness client id. */
  readonly #owners = new Map<number, Peer>();
  #timer: NodeJS.Timeout | undefined;
  #lastFlush = 0;

  constructor(
    doc: Y.Doc,
    options: {
      flushMs: number;
      fanoutPerSec: number;
      messagesPerSec: number;
      connections: () => number;
      /**
       * What relaying one state costs in deliveries: one per connection, two for a connection
       * whose client sends every state it receives back (stock y-websocket).
       */
      deliveriesPerState: () => number;
      metrics: Metrics;
      broadcast: (message: Uint8Array) => void;
      /** Whether this member's cursor and selection must not be relayed just now. */
      hidesWhereabouts: (member: Member) => boolean;
    },
  ) {
    this.#flushMs = options.flushMs;
    this.#fanoutPerSec = options.fanoutPerSec;
    this.#messagesPerSec = options.messagesPerSec;
    this.#connections = options.connections;
    this.#deliveriesPerState = options.deliveriesPerState;
    this.#metrics = options.metrics;
    this.#broadcast = options.broadcast;
    this.#hidesWhereabouts = options.hidesWhereabouts;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    // A connection's presence goes when the connection does (drop), not 30 s after its last
    // renewal: a background tab renews once a minute.
    presenceLastsWhileConnected(this.awareness, { renews: false });
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
    let own = fresh;
    if (!fresh.every((entry) => this.#speaksFor(peer, entry.clientId))) {
      this.#metrics.messagesRejected.inc({ reason: 'presence_not_own' });
      own = fresh.filter((entry) => this.#speaksFor(peer, entry.clientId));
      if (own.length === 0) return;
    }
    // New client ids past the connection's share are dropped: made-up ids by the thousand
    // grew the server's memory by tens of MB a second, each one a presence kept for everyone.
    let room = MAX_CLIENTS_PER_CONNECTION - peer.clientIds.size;
    const kept = own.filter((entry) => peer.clientIds.has(entry.clientId) || room-- > 0);
    if (kept.length < own.length) {
      this.#metrics.messagesRejected.inc({ reason: 'presence_clients' });
      own = kept;
      if (own.length === 0) return;
    }
    // Over the budget, the newest state simply waits for the next.
    if (!peer.awarenessBudget.take()) {
      this.#metrics.messagesRejected.inc({ reason: 'awareness_rate' });
      return;
    }
    let rewritten = false;
    const hiding = this.#hidesWhereabouts(peer.member);
    for (const entry of own) {
      const state = parseAwarenessState(entry.state);
      const renamed = namesOtherThan(state, peer.member);
      const shown = hiding && showsWhereabouts(state);
      if (renamed || shown) {
        const fixed = state as Record<string, unknown>;
        entry.state = encodeAwarenessState({
          ...fixed,
          ...(renamed ? { member: publicMember(peer.member) } : {}),
          ...(shown ? { cursor: null, selection: [], viewport: null } : {}),
        });
        rewritten = true;
      }
    }
    const news = own.length === entries.length && !rewritten ? update : encodeAwarenessEntries(own);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, news, peer);
  }

  /** A connection went away: its clients' presence goes with it. */
  drop(peer: Peer): void {
    if (peer.clientIds.size === 0) return;
    for (const id of peer.clientIds) this.#owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(peer.clientIds), null);
  }

  /** A client id is its first publisher's, or passes to a newer connection of the same member. */
  #speaksFor(peer: Peer, clientId: number): boolean {
    const owner = this.#owners.get(clientId);
    return owner === undefined || owner === peer || owner.member.id === peer.member.id;
  }

  /** The rule y-protocols applies: a newer clock, or a removal at the same clock. */
  #isNew({ clientId, clock, state }: AwarenessEntry): boolean {
    const known = this.awareness.meta.get(clientId)?.clock ?? 0;
    return (
      known < clock ||
      (known === clock && isNullState(state) && this.awareness.states.has(clientId))
    );
  }

  #onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Peer) {
      for (const id of change.added) this.#own(origin, id);
      for (const id of change.updated) this.#own(origin, id);
      for (const id of change.removed) {
        this.#owners.delete(id);
        origin.clientIds.delete(id);
      }
    }
    // A Set keeps a client's first place in line when it changes again before its relay.
    for (const id of change.added) this.#changed.add(id);
    for (const id of change.updated) this.#changed.add(id);
    for (const id of change.removed) this.#changed.add(id);
    this.#schedule();
  };

  #own(peer: Peer, clientId: number): void {
    const owner = this.#owners.get(clientId);
    if (owner === peer) return;
    owner?.clientIds.delete(clientId);
    this.#owners.set(clientId, peer);
    peer.clientIds.add(clientId);
  }

  /** One merged message per document every tick, however many cursors moved. */
  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, this.#tickMs());
  }

  /** flushMs, stretched on a crowded board to keep within messagesPerSec. */
  #tickMs(): number {
    return Math.max(this.#flushMs, (1000 * this.#connections()) / this.#messagesPerSec);
  }

  #flush(): void {
    if (this.#changed.size === 0) return;
    const now = performance.now();
    // Credit for at most two ticks: a quiet spell must not let a whole crowd through at once.
    const tickMs = Math.max(this.#tickMs(), MIN_TICK_MS);
    const elapsedMs = Math.min(Math.max(tickMs, now - this.#lastFlush), 2 * tickMs);
    this.#lastFlush = now;
    const statesPerSec = this.#fanoutPerSec / Math.max(1, this.#deliveriesPerState());
    const allowed = Math.max(1, Math.floor((statesPerSec * elapsedMs) / 1000));
    const ids: number[] = [];
    for (const id of this.#changed) {
      // A departure always goes out: it is rare, and a stale cursor would linger otherwise.
      if (ids.length >= allowed && this.awareness.states.has(id)) continue;
      ids.push(id);
      this.#changed.delete(id);
    }
    if (this.#changed.size > 0) {
      this.#metrics.presenceDeferred.inc(this.#changed.size);
      this.#schedule();
    }
    this.#broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  destroy(): void {
    clearTimeout(this.#timer);
    this.#owners.clear();
    this.awareness.off('update', this.#onUpdate);
    this.awareness.destroy();
  }
}

/**
 * Whether a state shows where its member is: a cursor, a selection, or the part of the board on
 * their screen (PresenceState: client/src/board/presence.ts). A new note goes where its writer
 * clicked or in the middle of their view, so any of these would tell whose it is.
 */
function showsWhereabouts(state: unknown): state is Record<string, unknown> {
  if (typeof state !== 'object' || state === null) return false;
  const { cursor, selection, viewport } = state as Record<string, unknown>;
  return (
    (cursor !== undefined && cursor !== null) ||
    (Array.isArray(selection) && selection.length > 0) ||
    (viewport !== undefined && viewport !== null)
  );
}

/** Whether a state carries a `member` that is not exactly the connection's own. */
function namesOtherThan(state: unknown, member: Member): state is Record<string, unknown> {
  if (typeof state !== 'object' || state === null || !('member' in state)) return false;
  const named = state.member as Record<string, unknown> | null;
  return (
    typeof named !== 'object' ||
    named === null ||
    Object.keys(named).length !== 4 ||
    named.id !== member.id ||
    named.name !== member.name ||
    named.color !== member.color ||
    named.role !== member.role
  );
}
