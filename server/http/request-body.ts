/** What a route reads from a request body: a JSON object, or nothing at all. */
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * The request's JSON object; `{}` when the request has no body (optional bodies, such as a
 * snapshot's name). A body the JSON parser skipped was sent as something else (a form, plain
 * text, no Content-Type), and a JSON value that is not an object has no fields to read: both
 * are refused with a message that says so, rather than as a missing field.
 */
export function jsonBody(req: Request): unknown {
  const body: unknown = req.body;
  if (body === undefined) {
    if (hasContent(req)) {
      const sent = req.get('content-type');
      throw new AppError(
        'unsupported_media_type',
        `Send the request body as JSON with Content-Type: application/json (this one was ${sent ? `sent as ${sent}` : 'sent without a Content-Type'}).`,
      );
    }
    return {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
    throw new AppError(
      'invalid_input',
      `The request body must be a JSON object, such as {"title": "…"}; this one is ${kind}.`,
    );
  }
  return body;
}

function hasContent(req: Request): boolean {
  if (req.get('transfer-encoding') !== undefined) return true;
  const length = Number(req.get('content-length') ?? 0);
  return Number.isFinite(length) && length > 0;
}

const nothing = z.strictObject({});

/**
 * For a route that takes no fields (close a round, restore a version): no body, or `{}`. A body
 * sent anyway is refused as any route refuses it, so a client's mistake is not acted on.
 */
export function emptyBody(req: Request): void {
  nothing.parse(jsonBody(req));
}
