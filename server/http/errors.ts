/** Every HTTP error leaves through here as {"error":{"code","message"}}. */
import type { ErrorRequestHandler, RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import type { ErrorResponse } from '../../shared/errors.ts';
import { AppError, knownError, RateLimitError } from '../errors.ts';
import { allowedMethods } from './allowed-methods.ts';

/**
 * The last handler of `router`: a path it serves with other methods is 405 with `Allow`
 * (GET on a route that only takes POST), any other path 404.
 */
export function unknownRoute(router: Router): RequestHandler {
  return (req, res, next) => {
    // baseUrl: inside the API router, req.path has lost its /api prefix.
    const where = `${req.baseUrl}${req.path}`;
    const allowed = allowedMethods(router, req.path);
    if (allowed.length === 0) {
      next(new AppError('route_not_found', `There is no ${req.method} ${where}.`));
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(
      new AppError(
        'method_not_allowed',
        `${where} does not take ${req.method}; it takes ${allowed.join(', ')}.`,
      ),
    );
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const failure = knownError(error) ?? requestError(error) ?? internal(error, logger);
    if (failure instanceof RateLimitError) {
      res.setHeader('Retry-After', String(failure.retryAfterSec));
    }
    const body: ErrorResponse = { error: failure.toBody() };
    // For the request log (observability/request-log.ts).
    res.locals.errorCode = failure.code;
    res.status(failure.status).json(body);
  };
}

function requestError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose, message } = error as Record<string, unknown>;
  if (type === 'entity.too.large') {
    return new AppError('payload_too_large', 'The request body is too large.');
  }
  if (type === 'entity.parse.failed') {
    return new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  // The rest that Express and its body parser blame on the request (a path that is not valid
  // percent-encoding, an unsupported charset or content encoding, a body that does not
  // decompress) carry a 4xx status and a message fit to show.
  if (typeof status === 'number' && status >= 400 && status < 500 && expose !== false) {
    return new AppError('invalid_input', `The request is not valid: ${String(message)}.`);
  }
  return undefined;
}

function internal(error: unknown, logger: Logger): AppError {
  logger.error({ err: error }, 'unhandled error in HTTP handler');
  return new AppError('internal_error', 'Something went wrong on the server.');
}
