/**
 * One log line per HTTP request once it is answered, for an operator working out why someone
 * could not join or what a client keeps asking for. The path only: a query string may carry a
 * token, and no header is read.
 */
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ID_PATTERN } from '../../shared/constants.ts';

/** A path longer than this is cut: a client chooses it, and a log line should stay a line. */
const MAX_PATH_LENGTH = 200;

/**
 * A path segment this long that is not a board's or an item's id may be a secret: the shortest
 * ADMIN_TOKEN, CREATE_TOKEN or METRICS_TOKEN is 16 (operator QA: one pasted where a board id
 * goes was written down). No route's own word is as long. The web client's files are named by
 * the build and pass.
 */
const SECRET_LENGTH = 16;

/**
 * The path as the log keeps it: without what follows an encoded "#" (a board link whose
 * fragment, and key, was escaped into the path), and with any long segment that is not an id
 * (a key or token pasted into an address) left out as "…" (QA).
 */
export function loggablePath(path: string): string {
  const before = path.split(/%23/i)[0] ?? '';
  if (before.startsWith('/assets/')) return before.slice(0, MAX_PATH_LENGTH);
  return before
    .split('/')
    .map((segment) =>
      segment.length >= SECRET_LENGTH && !ID_PATTERN.test(segment) ? '…' : segment,
    )
    .join('/')
    .slice(0, MAX_PATH_LENGTH);
}

/**
 * API calls and board pages are `info`; scripts, styles, health checks and scrapes are `debug`,
 * as a page load asks for several and a monitor asks every few seconds.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const path = loggablePath(req.path);
    const level = path.startsWith('/api/') || path.startsWith('/b/') ? 'info' : 'debug';
    // Nothing to measure where nothing will be written (LOG_LEVEL=warn, the benchmarks' silent).
    if (!logger.isLevelEnabled(level)) return next();
    const started = performance.now();
    res.once('close', () => {
      const line = {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip: req.ip,
        ...(typeof res.locals.errorCode === 'string' ? { code: res.locals.errorCode } : {}),
        // The client went away before the whole answer was sent.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      logger[level](line, 'request');
    });
    next();
  };
}
