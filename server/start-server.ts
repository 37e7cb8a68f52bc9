/** The composition root: wires store, services, pipeline and transports into one server. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { relabelTemplate } from '../shared/templates.ts';
import { BOARD_DELETED, DEVICE_SIGNED_OUT, MEMBER_REMOVED } from './boards/boards-service.ts';
import type { Config } from './config/config.ts';
import { exposureWarnings, hostAndPort } from './config/exposure.ts';
import { AppError, StartupError } from './errors.ts';
import { ExportThread } from './follow-through/export-thread.ts';
import { clientBuild } from './http/client-build.ts';
import { ExportBudget } from './http/export-budget.ts';
import { createHttpApp } from './http/http-app.ts';
import { answerUnreadable } from './http/unreadable-request.ts';
import { createLogger } from './observability/logger.ts';
import { MemberConnections } from './realtime/member-connections.ts';
import { SocketIoTransport } from './realtime/socketio-transport.ts';
import { YWebsocketTransport } from './realtime/ywebsocket-transport.ts';
import { createServices, type Services } from './services.ts';
import { Checkpointer } from './store/checkpointer.ts';
import { lockDataDir } from './store/data-dir-lock.ts';

/** How often the WAL is checkpointed, off the event loop (store/checkpointer.ts). */
const CHECKPOINT_INTERVAL_MS = 1_000;
/**
 * Connections still open this long into a shutdown are cut. Socket.io's close waits for every
 * connection, and a WebSocket whose peer no longer reads (a client machine that hung) would hold
 * the shutdown for its 30 s closing handshake; everything is stored before they are closed.
 */
const SHUTDOWN_GRACE_MS = 1_000;

const CLIENT_DIR = path.resolve(fileURLToPath(new URL('../dist/client', import.meta.url)));

export interface RunningServer extends Services {
  url: string;
  port: number;
  logger: Logger;
  /** Stops accepting, flushes every board, closes connections and the database. */
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger = createLogger(config.logLevel),
  /** Where the built web client is: dist/client, unless a test serves another build. */
  clientDir = CLIENT_DIR,
): Promise<RunningServer> {
  // Before the database opens: a second server on the same data directory stops here.
  const lock = lockDataDir(config.dataDir);
  let services: Services;
  try {
    services = createServices(config, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { db, metrics, boards, documents, facilitation, followThrough } = services;
  followThrough.snapshots.startPeriodic(config.snapshotIntervalMs, logger);
  const checkpointer = new Checkpointer(db, { intervalMs: CHECKPOINT_INTERVAL_MS, logger });

  const exportThread = new ExportThread(logger, db.name);
  let ready = false;
  const app = createHttpApp({
    boards,
    deviceLinks: services.deviceLinks,
    facilitation,
    followThrough,
    metrics,
    logger,
    adminToken: config.adminToken,
    createToken: config.createToken,
    metricsToken: config.metricsToken,
    publicUrl: config.publicUrl,
    trustProxyHops: config.trustProxyHops,
    frameAncestors: config.frameAncestors,
    joinRatePerMin: config.limits.joinRatePerMin,
    exportBudget: new ExportBudget(config.limits.exportMsPerSec, config.limits.exportBurstMs),
    exportThread,
    maxBodyBytes: config.limits.maxMessageBytes,
    clientDir,
    isReady: () => ready,
    dataDir: config.dataDir,
  });
  const httpServer = http.createServer(app);
  // Node's parser refuses some requests before Express sees them: in the API's words too.
  httpServer.on('clientError', answerUnreadable);
  const sockets = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const realtime = {
    boards,
    documents,
    metrics,
    logger,
    maxMessageBytes: config.limits.maxMessageBytes,
    trustProxyHops: config.trustProxyHops,
    connections: new MemberConnections(services.deviceUse),
    clientBuild: clientBuild(clientDir),
  };
  const socketio = new SocketIoTransport(httpServer, realtime, facilitation, followThrough);
  facilitation.setEvents(socketio);
  boards.onDeleted((boardId) => socketio.closeBoard(boardId, BOARD_DELETED));
  boards.onMemberRemoved((member) => socketio.closeMember(member, MEMBER_REMOVED));
  boards.onRenamed((board) => socketio.toBoard(board.id, 'board:renamed', { board }));
  // The template's labels follow the board's language, as one change everyone receives.
  boards.onLanguageChanged((board, from) =>
    documents.open({ boardId: board.id }).change((doc) => {
      relabelTemplate(doc, from, board.language);
    }),
  );
  // When each board was last opened, for the operator's `list-boards` (not the CLI's reads).
  // After the turn that opened it: a failed write costs the one opening the board nothing.
  documents.onBoardLoaded((boardId) =>
    setImmediate(() => {
      try {
        boards.markOpened(boardId);
      } catch (error) {
        logger.warn({ err: error, boardId }, 'could not note when the board was opened');
      }
    }),
  );
  facilitation.rounds.resume();
  const ywebsocket = new YWebsocketTransport(httpServer, realtime, [`${socketio.io.path()}/`]);
  boards.onDeviceSignedOut((device) => {
    socketio.closeDevice(device, DEVICE_SIGNED_OUT);
    ywebsocket.closeDevice(device, DEVICE_SIGNED_OUT);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // Nothing is serving: stop what started and leave the database and the lock as they were.
    facilitation.rounds.stop();
    followThrough.snapshots.stop();
    ywebsocket.close();
    await socketio.close();
    await checkpointer.stop();
    metrics.stop();
    documents.release();
    services.deviceUse.close();
    db.close();
    lock.release();
    throw listenFailure(error, config);
  }
  ready = true;
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${hostAndPort(shownHost, port)}`;
  logger.info({ url, dataDir: config.dataDir }, 'Ideamill is serving');
  for (const warning of exposureWarnings(config, port)) logger.warn(warning);

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
      const cut = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      await socketio.close();
      httpServer.closeAllConnections();
      await stopped;
      clearTimeout(cut);
      await exportThread.close();
      await checkpointer.stop();
      metrics.stop();
      // After the connections closed: when each device left is kept.
      services.deviceUse.close();
      db.close();
      lock.release();
      logger.info('Ideamill stopped');
    })();
    return closing;
  };

  return { ...services, url, port, logger, close };
}

/** Why the server could not listen, naming the variables that set the address. */
function listenFailure(error: unknown, config: Config): Error {
  const code = (error as { code?: string }).code;
  const address = `HOST ${config.host}, PORT ${config.port}`;
  const why: Record<string, string> = {
    EADDRINUSE: 'another program is listening there already: stop it or choose another PORT',
    EACCES: 'this user may not listen on that port: choose a PORT above 1023',
    EADDRNOTAVAIL: 'no network interface of this machine has that address: check HOST',
    ENOTFOUND: 'that host name does not resolve: check HOST',
    EAI_AGAIN: 'that host name could not be resolved: check HOST',
  };
  const reason = code ? why[code] : undefined;
  if (!reason) return error instanceof Error ? error : new Error(String(error));
  return new StartupError(`Cannot listen on ${address} (${code}): ${reason}.`);
}
