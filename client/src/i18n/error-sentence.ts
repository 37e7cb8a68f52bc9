/**
 * The one way a failure becomes words on the page: by its code, from the catalogue's `errors`.
 * The server's message is English and for logs, so it is never shown, even for a code this
 * page does not know (a newer server's): then the sentence says only that the server refused.
 */
import type { Catalogue } from './en/index.ts';

export interface Failure {
  code: string;
  /** How long a rate limit asks to wait (HTTP's Retry-After), when the page was told. */
  retryAfterSec?: number | null;
}

/** A thrown failure as a code: the server's, or the page's own when no answer came at all. */
export function failureOf(error: unknown): Failure {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, retryAfterSec } = error as { code: unknown; retryAfterSec?: unknown };
    if (typeof code === 'string') {
      return { code, retryAfterSec: typeof retryAfterSec === 'number' ? retryAfterSec : null };
    }
  }
  // fetch rejects with a TypeError when the server could not be reached; anything else came
  // from an answer the page could not read (a proxy's error page, say).
  return { code: error instanceof TypeError ? 'unreachable' : 'http_error' };
}

export function errorSentence(t: Catalogue, failure: Failure): string {
  const { errors } = t;
  if (failure.code === 'rate_limited') return errors.rate_limited(failure.retryAfterSec ?? null);
  const sentence = Object.hasOwn(errors, failure.code)
    ? (errors as Record<string, unknown>)[failure.code]
    : undefined;
  return typeof sentence === 'string' ? sentence : errors.http_error;
}
