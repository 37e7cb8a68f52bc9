/** Every HTTP error leaves through here as {"error":{"code","message"}}. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ErrorResponse } from '../../shared/errors.ts';
import { AppError } from '../errors.ts';

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', `There is no ${req.method} ${req.path}.`));
};

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    let failure: AppError;
    if (error instanceof AppError) failure = error;
    else if (error instanceof z.ZodError) failure = new AppError('invalid_input', describe(error));
    else if (isBodyParserError(error, 'entity.too.large')) {
      failure = new AppError('payload_too_large', 'The request body is too large.');
    } else if (isBodyParserError(error, 'entity.parse.failed')) {
      failure = new AppError('invalid_json', 'The request body is not valid JSON.');
    } else {
      logger.error({ err: error }, 'unhandled error in HTTP handler');
      failure = new AppError('internal_error', 'Something went wrong on the server.');
    }
    if (failure.code === 'rate_limited' && 'retryAfterSec' in failure) {
      res.setHeader('Retry-After', String(failure.retryAfterSec));
    }
    const body: ErrorResponse = { error: failure.toBody() };
    res.status(failure.status).json(body);
  };
}

function isBodyParserError(error: unknown, type: string): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}
