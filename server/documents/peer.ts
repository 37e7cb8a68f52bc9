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

export class Peer {
  readonly member: Member;
  readonly transport: PeerTransport;
  /** Awareness client ids this connection has published, cleared when it drops. */
  readonly clientIds = new Set<number>();
  readonly updateBudget: TokenBucket;
  readonly awarenessBudget: TokenBucket;
  closed = false;

  constructor(member: Member, transport: PeerTransport, limits: PeerLimits) {
    this.member = member;
    this.transport = transport;
    this.updateBudget = new TokenBucket(limits.updateRatePerSec, limits.updateBurst);
    this.awarenessBudget = new TokenBucket(limits.awarenessRatePerSec, limits.awarenessBurst);
  }
}
