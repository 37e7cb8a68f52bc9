/**
 * Text as it will be stored. SQLite keeps UTF-8, where a lone UTF-16 surrogate (JSON can carry
 * one, as "\ud800") has no encoding and becomes U+FFFD. Every string of a request is made
 * well-formed so as it arrives (the same replacement), so what the server answers (a new
 * board's title, a member's name) is what it has stored and will answer later.
 */

/** `value` with every string in it well-formed; bytes and functions as they are. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [wellFormed(key), wellFormed(inner)]),
    );
  }
  return value;
}

/** A JSON.parse reviver doing the same for a request body. */
export function wellFormedReviver(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.toWellFormed() : value;
}
