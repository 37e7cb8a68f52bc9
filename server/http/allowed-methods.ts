/**
 * The methods a router serves a path with, read from its routes (and the routers mounted in
 * it): a request the path exists for, with a method it does not take, is 405 with `Allow`.
 * Reads the `router` package's layers (Express 5): `match` is pure, `route.methods` the verbs.
 */
import type { RequestHandler, Router } from 'express';

interface Layer {
  match(path: string): { path: string } | false;
  route?: { methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

export function allowedMethods(router: Router, path: string): string[] {
  const allowed = new Set<string>();
  collect(router.stack as unknown as Layer[], path, allowed);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}

function collect(stack: Layer[], path: string, into: Set<string>): void {
  for (const layer of stack) {
    const matched = layer.match(path);
    if (!matched) continue;
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') into.add(method.toUpperCase());
      }
    } else if (layer.handle.stack) {
      // A mounted router sees the rest of the path, as it would when routing.
      collect(layer.handle.stack, path.slice(matched.path.length) || '/', into);
    }
  }
}

/**
 * OPTIONS on a path `router` serves: `204` with `Allow`, and no body (operator QA: Express
 * answered some paths with the methods as text and others with 405). Elsewhere it goes on, to
 * the 404 every unknown path gets.
 */
export function answerOptions(router: Router): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedMethods(router, req.path);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}
