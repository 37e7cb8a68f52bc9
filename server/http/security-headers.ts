/**
 * What every answer tells the browser about how far to trust it. The web client is one origin's
 * own scripts and styles talking to that origin, so the policy allows exactly that: an injected
 * script cannot run, and no other site can frame the board and trick a facilitator into
 * clicking "Reveal with names" or "Restore" (QA).
 */
import type { RequestHandler } from 'express';

/** The policy, with the sites that may frame the board (FRAME_ANCESTORS; none by default). */
function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // The favicon is a data: URL; an export is downloaded from a blob: URL.
    "img-src 'self' data: blob:",
    // Socket.io and y-websocket: 'self' covers ws: and wss: to the same host.
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/**
 * The headers for every answer. Sites the operator names in FRAME_ANCESTORS may frame the board
 * (an intranet page, a meeting app's tab); X-Frame-Options, which can name no site, is then left
 * out, and browsers that know frame-ancestors follow it.
 */
export function securityHeaders(frameAncestors: readonly string[] = []): RequestHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    // A board's address names the board: it is nobody else's business where a link came from.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // For browsers that predate frame-ancestors.
  if (frameAncestors.length === 0) headers['X-Frame-Options'] = 'DENY';
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

/** API answers carry keys, tokens and private state: no cache, shared or not, keeps them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
