/**
 * What every answer tells the browser about how far to trust it. The web client is one origin's
 * own scripts and styles talking to that origin, so the policy allows exactly that: an injected
 * script cannot run, and no other site can frame the board and trick a facilitator into
 * clicking "Reveal with names" or "Restore" (QA).
 */
import type { RequestHandler } from 'express';

const CONTENT_SECURITY_POLICY = [
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
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // A board's address names the board: it is nobody else's business where a link came from.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const securityHeaders: RequestHandler = (_req, res, next) => {
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  next();
};

/** API answers carry keys, tokens and private state: no cache, shared or not, keeps them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
