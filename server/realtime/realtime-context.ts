/** What both realtime transports need from the rest of the server. */
import type { Logger } from 'pino';
import type { BoardsService } from '../boards/boards-service.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { MemberConnections } from './member-connections.ts';

export interface RealtimeContext {
  boards: BoardsService;
  documents: DocumentRegistry;
  metrics: Metrics;
  logger: Logger;
  maxMessageBytes: number;
  /** TRUST_PROXY: how far the log believes X-Forwarded-For (client-address.ts). */
  trustProxyHops: number;
  /** Each member's connections over both transports, within MAX_CONNECTIONS_PER_MEMBER. */
  connections: MemberConnections;
  /** The web client build served (client-build.ts), told to every Socket.io client. */
  clientBuild?: string;
}
