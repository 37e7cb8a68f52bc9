/** The Express application: API routers, health, metrics and the web client. */
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { BoardsService } from '../boards/boards-service.ts';
import type { DeviceLinks } from '../boards/device-links.ts';
import { AppError, diskFullError } from '../errors.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import type { ExportThread } from '../follow-through/export-thread.ts';
import type { FollowThrough } from '../follow-through/follow-through.ts';
import type { Metrics } from '../observability/metrics.ts';
import { requestLog } from '../observability/request-log.ts';
import { diskFull } from '../store/disk-space.ts';
import { wellFormedReviver } from '../util/well-formed.ts';
import { answerOptions } from './allowed-methods.ts';
import { requireMetricsToken } from './auth.ts';
import { boardsRouter } from './boards-router.ts';
import { deviceLinksRouter } from './device-links-router.ts';
import { devicesRouter } from './devices-router.ts';
import { errorHandler, unknownRoute } from './errors.ts';
import type { ExportBudget } from './export-budget.ts';
import { exportRouter } from './export-router.ts';
import { facilitationRouter } from './facilitation-router.ts';
import { followUpsRouter } from './follow-ups-router.ts';
import { roundsRouter } from './rounds-router.ts';
import { noStore, securityHeaders } from './security-headers.ts';
import { snapshotsRouter } from './snapshots-router.ts';

export interface HttpAppOptions {
  boards: BoardsService;
  deviceLinks: DeviceLinks;
  facilitation: Facilitation;
  followThrough: FollowThrough;
  metrics: Metrics;
  logger: Logger;
  adminToken: string | undefined;
  createToken: string | undefined;
  metricsToken: string | undefined;
  publicUrl: string | undefined;
  trustProxyHops: number;
  /** Origins that may frame the web client (FRAME_ANCESTORS). */
  frameAncestors: readonly string[];
  joinRatePerMin: number;
  exportBudget: ExportBudget;
  exportThread: ExportThread;
  maxBodyBytes: number;
  clientDir: string;
  isReady: () => boolean;
  /** /healthz says when the disk holding it has no room left for the database (disk-space.ts). */
  dataDir: string;
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(options.logger));
  app.use(securityHeaders(options.frameAncestors));
  app.use(answerOptions(app.router));
  // A hop count: req.ip is the address the outermost trusted proxy saw, never one the client
  // wrote into X-Forwarded-For itself.
  app.set('trust proxy', options.trustProxyHops);

  app.get('/healthz', (_req, res) => {
    if (!options.isReady()) res.status(503).json({ ok: false });
    else if (diskFull(options.dataDir)) {
      res.status(503).json({ ok: false, error: diskFullError(options.dataDir).toBody() });
    } else res.json({ ok: true });
  });
  app.get('/metrics', async (req, res) => {
    requireMetricsToken(req, options.metricsToken);
    res.setHeader('Content-Type', options.metrics.registry.contentType);
    res.send(await options.metrics.registry.metrics());
  });

  const api = express.Router();
  api.use(noStore);
  // Any JSON value parses, so that a body of `null` or `"x"` is refused as "not an object"
  // (request-body.ts) rather than as JSON that does not parse.
  api.use(express.json({ limit: options.maxBodyBytes, strict: false, reviver: wellFormedReviver }));
  const { boards, followThrough } = options;
  api.use('/boards/:id/rounds', roundsRouter(boards, options.facilitation.rounds));
  api.use('/boards/:id/followups', followUpsRouter(boards, followThrough.followUps));
  api.use('/boards/:id/snapshots', snapshotsRouter(boards, followThrough.snapshots));
  api.use(
    '/boards/:id/export',
    exportRouter(
      boards,
      followThrough.exports,
      options.exportThread,
      options.exportBudget,
      options.metrics,
    ),
  );
  api.use('/boards/:id/device-links', deviceLinksRouter(options));
  api.use('/boards/:id/devices', devicesRouter(boards));
  api.use('/boards/:id', facilitationRouter(options.boards, options.facilitation));
  api.use('/boards', boardsRouter(options));
  api.use(unknownRoute(api));
  app.use('/api', api);

  // Built assets carry a content hash in their names, so a browser may keep them for good;
  // index.html names the current ones and must be asked for again on every visit.
  const assets = path.join(options.clientDir, 'assets');
  app.use('/assets', precompressed(assets));
  app.use(
    '/assets',
    express.static(assets, {
      immutable: true,
      maxAge: '1y',
      index: false,
      setHeaders: (res) => res.setHeader('Vary', 'Accept-Encoding'),
    }),
  );
  const noCache = { headers: { 'Cache-Control': 'no-cache' } };
  app.use(
    express.static(options.clientDir, {
      index: 'index.html',
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  // The y-websocket endpoint takes WebSocket upgrades only (ywebsocket-transport.ts): a plain
  // request was told there is no such route (operator QA).
  app.get(/^\/yjs\/[^/]+(\/private)?\/?$/, (_req, _res, next) =>
    next(
      new AppError(
        'upgrade_required',
        'This is the y-websocket endpoint: connect with a WebSocket (ws:// or wss://), /yjs/:boardId?token=….',
      ),
    ),
  );
  // Board links (/b/:id) open the single-page client.
  app.get('/b/:id', (_req, res) =>
    res.sendFile(path.join(options.clientDir, 'index.html'), noCache),
  );
  app.use(unknownRoute(app.router));
  app.use(errorHandler(options.logger));
  return app;
}

/**
 * Serves `name.gz` (written by scripts/build-client.ts) for a script or stylesheet when the
 * browser accepts gzip; anything else falls through to the plain static files.
 */
function precompressed(dir: string): RequestHandler {
  return (req, res, next) => {
    const name = req.path.slice(1);
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !acceptsGzip ||
      !/^[\w.-]+\.(js|css)$/.test(name)
    ) {
      return next();
    }
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(path.extname(name));
    res.sendFile(path.join(dir, `${name}.gz`), { immutable: true, maxAge: '1y' }, (error) => {
      if (!error || res.headersSent) return;
      // No compressed copy (an older build): let the plain file answer instead.
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next();
    });
  };
}
