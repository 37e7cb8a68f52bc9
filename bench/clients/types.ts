/** One connection of a load client, whatever library it uses. */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

interface CommonClient {
  /** Resolves when the document is synced (relay: when the socket is open); rejects on refusal. */
  readonly synced: Promise<void>;
  /** Wall-clock time of the first message from the server, once it has arrived. */
  readonly firstMessageAt: number | undefined;
  /** Bytes (or, for Socket.io, packets) queued locally and not yet written: writers pace on it. */
  backlog(): number;
  destroy(): void;
}

export interface YjsClient extends CommonClient {
  readonly type: 'yjs';
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
}

export interface RelayClient extends CommonClient {
  readonly type: 'relay';
  send(data: Uint8Array): void;
  /** Called for every message another connection in the room sent. */
  onMessage: (data: Uint8Array) => void;
}

export type BenchClient = YjsClient | RelayClient;
