/**
 * How much of the server's one event loop a member's exports may take. An export is built on
 * the event loop (the SVG of a 5,000-item board takes about 100 ms), and meanwhile every board on
 * the server waits: a member (any role, a viewer too) asking again and again, or for twenty at
 * once, held them all for up to 3 s. Each member may spend `burstMs` of building at once and
 * `msPerSec` more each second; past that an export is `429 rate_limited`, saying how long to
 * wait. What counts is the time each export took, so a facilitator downloading every format of
 * a large board at the end of a workshop stays well inside it. The CLI's exports are not limited.
 */
import type { Member } from '../../shared/roles.ts';
import { RateLimitError } from '../errors.ts';
import { TokenBucket } from '../util/token-bucket.ts';

/** Budgets of members not seen for this long are forgotten (they start full again). */
const SWEEP_MS = 10 * 60_000;

export class ExportBudget {
  readonly #msPerSec: number;
  readonly #burstMs: number;
  #buckets = new Map<string, TokenBucket>();

  constructor(msPerSec: number, burstMs: number) {
    this.#msPerSec = msPerSec;
    this.#burstMs = burstMs;
    setInterval(() => {
      this.#buckets = new Map();
    }, SWEEP_MS).unref();
  }

  /** Builds an export for `member` if their budget allows, and charges it what it took. */
  spend<T>(member: Member, build: () => T): T {
    let bucket = this.#buckets.get(member.id);
    if (!bucket) {
      bucket = new TokenBucket(this.#msPerSec, this.#burstMs);
      this.#buckets.set(member.id, bucket);
    }
    if (!bucket.take()) {
      const seconds = Math.max(1, Math.ceil(bucket.waitMs() / 1000));
      throw new RateLimitError(
        seconds,
        `Too many exports of this board at once; try again in ${seconds} s.`,
      );
    }
    const started = performance.now();
    try {
      return build();
    } finally {
      bucket.spend(performance.now() - started);
    }
  }
}
