/**
 * Presence flow control: a client that cannot keep up with presence gets none until it has.
 *
 * A stock y-websocket client sends back every presence message it applies, at once (its
 * awareness 'update' handler relays whatever changed, remote states included). So the messages
 * it has not echoed yet are still waiting in its queue, in front of anything sent after them:
 * board updates too. A connection whose oldest unechoed message is older than BEHIND_MS is
 * behind. It is sent no presence while it is, and once it has caught up, one message with the
 * newest state of everyone who changed meanwhile (each cursor where it is now, not the way it
 * went). Its board updates are never held back; they just stop queuing behind presence it cannot
 * take. A client that never echoes (Ideamill's own, any other) is never held back.
 *
 * An echo carries the clocks of other clients' states that it applied, which name the message
 * it echoes; the client applies messages in order, so the messages before it were applied too,
 * echoed or not (a message with nothing new to the client has no echo). A connection counts as
 * one that echoes once a message of its matches one it was sent: a client sending its own state
 * again is not echoing.
 */
import type { AwarenessEntry } from './protocol.ts';

/** Unechoed for longer than this, a connection is behind (a tick is 50–125 ms). */
export const BEHIND_MS = 100;
/** A message unechoed for this long never will be (nothing in it was new to the client). */
export const GIVE_UP_MS = 2_000;
/** Ticks remembered for catching up; a connection further behind gets everyone's state. */
const HISTORY_TICKS = 64;
/** Messages remembered per connection, awaiting an echo (a client that never echoes too). */
const MAX_UNECHOED = 64;

/** What one presence message carried: each client id's clock. */
type Clocks = ReadonlyMap<number, number>;

interface Flow {
  /** It has echoed a message it was sent: its echoes tell what it has applied. */
  echoes: boolean;
  /** Messages sent and not yet echoed, oldest first. */
  unechoed: { at: number; clocks: Clocks }[];
  /** The last tick it has been sent (at connecting, everyone's state covers the ticks before). */
  tick: number;
}

/** Who gets one tick's presence, and how. */
export interface TickPlan<P> {
  /** Connections that do not get the tick's shared message. */
  skip: Set<P>;
  /** Connections catching up: the client ids to send them, or every state there is. */
  catchUp: Map<P, number[] | 'everyone'>;
}

/** `P`: a connection (documents/peer.ts), with the client ids it publishes. */
export class PresenceFlow<P extends { readonly clientIds: ReadonlySet<number> }> {
  #tick = 0;
  /** The client ids of each recent tick, oldest first. */
  readonly #history: { tick: number; ids: readonly number[] }[] = [];
  readonly #flows = new Map<P, Flow>();

  /** A new connection, sent everyone's state as it is now. */
  joined(peer: P): void {
    this.#flows.set(peer, { echoes: false, unechoed: [], tick: this.#tick });
  }

  left(peer: P): void {
    this.#flows.delete(peer);
  }

  /**
   * A presence message from `peer` with nothing new in it: the echo of one it was sent.
   * Returns true when that leaves the connection caught up but owed ticks it was not sent.
   */
  echoed(peer: P, entries: readonly AwarenessEntry[]): boolean {
    const flow = this.#flows.get(peer);
    const other = entries.find((entry) => !peer.clientIds.has(entry.clientId));
    if (!flow || !other) return false;
    const index = flow.unechoed.findIndex(
      ({ clocks }) => clocks.get(other.clientId) === other.clock,
    );
    if (index < 0) return false;
    flow.echoes = true;
    flow.unechoed.splice(0, index + 1);
    return flow.unechoed.length === 0 && flow.tick < this.#tick;
  }

  /**
   * Plans a tick: `ids`, the client ids whose states it relays in one shared message, or null
   * for a tick that only catches connections up. Returns who does not get the shared message
   * (behind, or catching up) and what each connection catching up is to get instead. Then
   * record each message sent with `sent`.
   */
  plan(ids: readonly number[] | null, now: number): TickPlan<P> {
    if (ids) {
      this.#tick++;
      this.#history.push({ tick: this.#tick, ids });
      if (this.#history.length > HISTORY_TICKS) this.#history.shift();
    }
    // Up to date: sent every tick before this one (and, for a catch-up tick, this one too).
    const upToDate = ids ? this.#tick - 1 : this.#tick;
    const plan: TickPlan<P> = { skip: new Set(), catchUp: new Map() };
    for (const [peer, flow] of this.#flows) {
      const oldest = flow.unechoed[0];
      if (oldest && now - oldest.at > GIVE_UP_MS) flow.unechoed.length = 0;
      const behind =
        flow.echoes && flow.unechoed.length > 0 && now - flow.unechoed[0]!.at > BEHIND_MS;
      if (behind) {
        plan.skip.add(peer);
        continue;
      }
      if (flow.tick < upToDate) {
        plan.skip.add(peer);
        plan.catchUp.set(peer, this.#since(flow.tick));
      }
      flow.tick = this.#tick;
    }
    return plan;
  }

  /** `peer` was sent a message carrying `clocks`: its echo is awaited, if it echoes. */
  sent(peer: P, clocks: Clocks, now: number): void {
    const flow = this.#flows.get(peer);
    if (!flow) return;
    // Its own state coming back is nothing new to the client: no echo.
    for (const id of clocks.keys()) {
      if (!peer.clientIds.has(id)) {
        flow.unechoed.push({ at: now, clocks });
        if (flow.unechoed.length > MAX_UNECHOED) flow.unechoed.shift();
        return;
      }
    }
  }

  /** Client ids relayed in the ticks after `tick`, up to the newest. */
  #since(tick: number): number[] | 'everyone' {
    const first = this.#history[0];
    if (!first || first.tick > tick + 1) return 'everyone';
    const ids = new Set<number>();
    for (const entry of this.#history)
      if (entry.tick > tick) for (const id of entry.ids) ids.add(id);
    return [...ids];
  }
}
