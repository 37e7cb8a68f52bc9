/** One connection to one board, as the document pipeline sees it, whatever its transport. */
import type { Member } from '../../shared/roles.ts';
import type { AppError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

export type TransportKind = 'socketio' | 'ywebsocket';

/** What a transport provides for each connection. */
export interface PeerTransport {
  readonly kind: TransportKind;
  /** Sends one y-protocols message. */
  send(message: Uint8Array): void;
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
