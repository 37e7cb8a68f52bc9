/** One connection to one board, as the document pipeline sees it, whatever its transport. */
import type { Member } from '../../shared/roles.ts';
import type { AppError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

export type TransportKind = 'socketio' | 'ywebsocket';

/**
 * Connections that a transport can reach with one call, encoding the message once (a
 * Socket.io room). Its members are exactly the document's peers that name this group.
 */
export interface BroadcastGroup {
  /** Sends `message` to every member of the group but `except`. */
  broadcast(message: Uint8Array, except: PeerTransport | null): void;
}

/** What a transport provides for each connection. */
export interface PeerTransport {
  readonly kind: TransportKind;
  /**
   * Sends one y-protocols message. `onSent`, where given, runs once the message has left the
   * process (handed to the operating system), or the connection ended.
   */
  send(message: Uint8Array, onSent?: () => void): void;
  /** Where set, relays go through the group rather than through `send`, once per group. */
  readonly group?: BroadcastGroup;
  /** The peer's last message was refused, but the connection stays open. */
  notify(error: AppError): void;
  /** Tells the peer why (where the transport can say) and closes the connection. */
  close(error: AppError): void;
}

export interface PeerLimits {
  updateRatePerSec: number;
  updateBurst: number;
  awarenessRatePerSec: number;
  awarenessBurst: number;
}

/**
 * Requests for the whole board or its whole presence that a connection may send (sync step 1
 * with a state vector, which is encoded for it; a query for everyone's presence): a client sends
 * one as it connects, and a provider that resyncs by itself one every few seconds. A burst of 4,
 * then one each 5 s. Unlimited, 50 six-byte requests from a viewer held the server 3.7 s on a
 * board of 15,000 notes (QA).
 */
export const WHOLE_REQUESTS_BURST = 4;
export const WHOLE_REQUESTS_PER_SEC = 0.2;

export class Peer {
  readonly member: Member;
  readonly transport: PeerTransport;
  /** Awareness client ids this connection has published, cleared when it drops. */
  readonly clientIds = new Set<number>();
  readonly updateBudget: TokenBucket;
  readonly awarenessBudget: TokenBucket;
  readonly wholeBudget = new TokenBucket(WHOLE_REQUESTS_PER_SEC, WHOLE_REQUESTS_BURST);
  closed = false;

  constructor(member: Member, transport: PeerTransport, limits: PeerLimits) {
    this.member = member;
    this.transport = transport;
    this.updateBudget = new TokenBucket(limits.updateRatePerSec, limits.updateBurst);
    this.awarenessBudget = new TokenBucket(limits.awarenessRatePerSec, limits.awarenessBurst);
  }
}
