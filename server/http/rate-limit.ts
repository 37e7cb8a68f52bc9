/**
 * A per-client-IP limit on requests that present a secret: joining (a board's key) and, where
 * the operator set one, creating a board (CREATE_TOKEN or ADMIN_TOKEN). Failed attempts (a key
 * that is wrong, guessing keys, or a board that does not exist) count against `perMinute`;
 * ones that succeed only against ten times that, so that a workshop of fifty behind one office
 * address all joining in the same minute is the normal case it is (QA: the 31st of them was
 * refused), while nobody holding a link can make members without end. Once an address has used
 * up either, every attempt from it waits, a right key too: otherwise the answer would tell a
 * guess apart.
 */
import type { RequestHandler } from 'express';
import { RateLimitError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

/** Answers that count against the address: the key was wrong, or there is no such board. */
const FAILED = new Set([401, 404]);

/** How many more successes than failures an address may have. */
const SUCCESSES_PER_FAILURE = 10;

interface Budget {
  failures: TokenBucket;
  successes: TokenBucket;
}

/**
 * The limit as middleware. `lookOnly` is the same budget for a request that presents a key and
 * makes nothing with it (what a link opens, asked before each join): its failures count, and its
 * successes do not, so the join page's two requests per person leave a room its 300 joins.
 */
export function guessLimit(perMinute: number): RequestHandler & { lookOnly: RequestHandler } {
  const budgets = new Map<string, Budget>();
  const sweep = setInterval(() => budgets.clear(), 10 * 60_000);
  sweep.unref();
  const budgetOf = (ip: string): Budget => {
    let budget = budgets.get(ip);
    if (!budget) {
      const successes = perMinute * SUCCESSES_PER_FAILURE;
      budget = {
        failures: new TokenBucket(perMinute / 60, perMinute),
        successes: new TokenBucket(successes / 60, successes),
      };
      budgets.set(ip, budget);
    }
    return budget;
  };
  const limit =
    (countsSuccesses: boolean): RequestHandler =>
    (req, res, next) => {
      const { failures, successes } = budgetOf(req.ip ?? 'unknown');
      // A failure is taken now and given back when the answer was none: attempts sent all at
      // once cannot slip past the limit while the first of them are still being answered.
      if (!failures.take()) return next(limited(failures));
      if (countsSuccesses && !successes.take()) {
        failures.refund();
        return next(limited(successes));
      }
      res.once('finish', () => {
        if (!FAILED.has(res.statusCode)) failures.refund();
      });
      next();
    };
  return Object.assign(limit(true), { lookOnly: limit(false) });
}

function limited(bucket: TokenBucket): RateLimitError {
  return new RateLimitError(Math.max(1, Math.ceil(bucket.waitMs() / 1000)));
}
