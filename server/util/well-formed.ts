/**
 * Text as it will be stored. SQLite keeps UTF-8, where a lone UTF-16 surrogate (JSON can carry
 * one, as "\ud800") has no encoding and becomes U+FFFD. Every string of a request is made
 * well-formed so as it arrives (the same replacement), so what the server answers (a new
 * board's title, a member's name) is what it has stored and will answer later.
 */

import { AppError } from '../errors.ts';

/**
 * How deep a request's arrays and objects may nest: no request nests more than a few levels.
 * Walked without a limit, 200,000 arrays in one another (a 400 KB Socket.io message, a viewer's
 * too) ran the stack out, and the error stopped the server (QA).
 */
const MAX_REQUEST_NESTING = 32;

/**
 * `value` with every string in it well-formed; bytes and functions as they are. `invalid_input`
 * where it nests deeper than MAX_REQUEST_NESTING.
 */
export function wellFormed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  const isArray = Array.isArray(value);
  const isObject =
    !isArray &&
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype;
  if (!isArray && !isObject) return value;
  if (depth >= MAX_REQUEST_NESTING) {
    throw new AppError(
      'invalid_input',
      `A request may nest arrays and objects ${MAX_REQUEST_NESTING} levels deep at most.`,
    );
  }
  if (isArray) return (value as unknown[]).map((inner) => wellFormed(inner, depth + 1));
  return Object.fromEntries(
    Object.entries(value as object).map(([key, inner]) => [
      key.toWellFormed(),
      wellFormed(inner, depth + 1),
    ]),
  );
}

/** A JSON.parse reviver doing the same for a request body. */
export function wellFormedReviver(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.toWellFormed() : value;
}
