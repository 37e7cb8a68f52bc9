/** The composition root: wires store, services, pipeline and transports into one server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { BoardsService } from './boards/boards-service.ts';
import type { Config } from './config/config.ts';
import { DocumentRegistry } from './documents/document-registry.ts';
import { AppError } from './errors.ts';
import { createFacilitation, type Facilitation } from './facilitation/facilitation.ts';
import { createFollowThrough, type FollowThrough } from './follow-through/follow-through.ts';
import { createHttpApp } from './http/http-app.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { SocketIoTransport } from './realtime/socketio-transport.ts';
import { YWebsocketTransport } from './realtime/ywebsocket-transport.ts';
import { BoardsRepository } from './store/boards-repository.ts';
import { type Db, openDatabase } from './store/database.ts';
import { DocumentsRepository } from './store/documents-repository.ts';

const CLIENT_DIR = path.resolve(fileURLToPath(new URL('../client', import.meta.url)));

export interface RunningServer {
  url: string;
  port: number;
  logger: Logger;
  metrics: Metrics;
  db: Db;
  boards: BoardsService;
  documents: DocumentRegistry;
  facilitation: Facilitation;
  followThrough: FollowThrough;
  /** Stops accepting, flushes every board, closes connections and the database. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const db = openDatabase({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
  const metrics = createMetrics();
  const documentsRepository = new DocumentsRepository(db);
  const boards = new BoardsService(new BoardsRepository(db), documentsRepository);
  const documents = new DocumentRegistry({
    repository: documentsRepository,
    metrics,
    logger,
    limits: config.limits,
    compaction: config.compaction,
    idleUnloadMs: config.idleUnloadMs,
  });

  const facilitation = createFacilitation(db, documents, documentsRepository);
  const followThrough = createFollowThrough(db, boards, documents, facilitation, () =>
    facilitation.events(),
  );
  followThrough.snapshots.startPeriodic(config.snapshotIntervalMs);

  let ready = false;
  const app = createHttpApp({
    boards,
    facilitation,
    followThrough,
    metrics,
    logger,
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    joinRatePerMin: config.limits.joinRatePerMin,
    maxBodyBytes: config.limits.maxMessageBytes,
    clientDir: CLIENT_DIR,
    isReady: () => ready,
  });
  const httpServer = http.createServer(app);
  const realtime = {
    boards,
    documents,
    metrics,
    logger,
    maxMessageBytes: config.limits.maxMessageBytes,
  };
  const socketio = new SocketIoTransport(httpServer, realtime, facilitation, followThrough);
  facilitation.setEvents(socketio);
  facilitation.rounds.resume();
  const ywebsocket = new YWebsocketTransport(httpServer, realtime);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  ready = true;
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, dataDir: config.dataDir }, 'Ideamill is serving');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ready = false;
      facilitation.rounds.stop();
      followThrough.snapshots.stop();
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      documents.close(
        new AppError('shutting_down', 'The server is restarting; reconnect shortly.'),
      );
      ywebsocket.close();
      await socketio.close();
      httpServer.closeAllConnections();
      await stopped;
      db.close();
      logger.info('Ideamill stopped');
    })();
    return closing;
  };

  return { url, port, logger, metrics, db, boards, documents, facilitation, followThrough, close };
}
