/**
 * A per-client-IP limit on failed attempts at a sensitive route: joining with a key that is
 * wrong (guessing keys) or for a board that does not exist. Only failures count: a workshop of
 * fifty behind one office address all joining in the same minute is the normal case, not an
 * attack (QA: the 31st of them was refused). Once an address has used up its failures, every
 * attempt from it waits, a right key too: otherwise the answer would tell a guess apart.
 */
import type { RequestHandler } from 'express';
import { RateLimitError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

/** Answers that count against the address: the key was wrong, or there is no such board. */
const FAILED = new Set([401, 404]);

export function failedAttemptsLimit(perMinute: number): RequestHandler {
  const buckets = new Map<string, TokenBucket>();
  const sweep = setInterval(() => buckets.clear(), 10 * 60_000);
  sweep.unref();
  return (req, res, next) => {
    const ip = req.ip ?? 'unknown';
    let bucket = buckets.get(ip);
    if (!bucket) {
      bucket = new TokenBucket(perMinute / 60, perMinute);
      buckets.set(ip, bucket);
    }
    // Taken now and given back when the answer was no failure: attempts sent all at once
    // cannot slip past the limit while the first of them are still being answered.
    if (!bucket.take()) {
      next(new RateLimitError(Math.max(1, Math.ceil(bucket.waitMs() / 1000))));
      return;
    }
    const taken = bucket;
    res.once('finish', () => {
      if (!FAILED.has(res.statusCode)) taken.refund();
    });
    next();
  };
}
