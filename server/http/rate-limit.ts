/** A per-client-IP limiter for sensitive routes such as joining (guessing keys). */
import type { RequestHandler } from 'express';
import { RateLimitError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

export function perIpLimit(perMinute: number): RequestHandler {
  const buckets = new Map<string, TokenBucket>();
  const sweep = setInterval(() => buckets.clear(), 10 * 60_000);
  sweep.unref();
  return (req, _res, next) => {
    const ip = req.ip ?? 'unknown';
    let bucket = buckets.get(ip);
    if (!bucket) {
      bucket = new TokenBucket(perMinute / 60, perMinute);
      buckets.set(ip, bucket);
    }
    if (bucket.take()) return next();
    next(new RateLimitError(Math.max(1, Math.ceil(bucket.waitMs() / 1000))));
  };
}
