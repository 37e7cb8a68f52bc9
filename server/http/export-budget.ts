/**
 * How much building exports one member may take. A live board's items are read on the event loop
 * (15–30 ms for 5,000) and the file rendered in the export thread (the SVG about 60 ms), which
 * every member's exports share: a member (any role, a viewer too) asking again and again, or for
 * twenty at once, held every board on the server for up to 3 s when exports were built on the
 * event loop, and would now hold everyone else's exports. Each member may spend `burstMs` of
 * building at once and `msPerSec` more each second; past that an export is `429 rate_limited`,
 * saying how long to wait. What counts is the time each export took (reading and rendering, not
 * waiting), so a facilitator downloading every format of a large board at the end of a workshop
 * stays well inside it. The CLI's exports are not limited.
 */
import type { Member } from '../../shared/roles.ts';
import { RateLimitError } from '../errors.ts';
import { threadMs } from '../follow-through/export-thread.ts';
import { TokenBucket } from '../util/token-bucket.ts';

/** Budgets of members not seen for this long are forgotten (they start full again). */
const SWEEP_MS = 10 * 60_000;

export class ExportBudget {
  readonly #msPerSec: number;
  readonly #burstMs: number;
  #buckets = new Map<string, TokenBucket>();
  /** Each member's latest export, built or waiting its turn: the next one waits for it. */
  readonly #turns = new Map<string, Promise<void>>();

  constructor(msPerSec: number, burstMs: number) {
    this.#msPerSec = msPerSec;
    this.#burstMs = burstMs;
    setInterval(() => {
      this.#buckets = new Map();
    }, SWEEP_MS).unref();
  }

  /**
   * Builds an export for `member` if their budget allows, and charges it `ms`, what building it
   * took; if building fails, what the export thread spent on it where it says (threadMs: not
   * the wait behind others), else the time until it failed. A member's
   * exports are built one after another: were they not, twenty asked for at once would all find
   * the budget full before the first was charged.
   */
  async spend<T>(member: Member, build: () => Promise<{ result: T; ms: number }>): Promise<T> {
    let bucket = this.#buckets.get(member.id);
    if (!bucket) {
      bucket = new TokenBucket(this.#msPerSec, this.#burstMs);
      this.#buckets.set(member.id, bucket);
    }
    // Refused at once if the budget is spent already, else when its turn comes if it is then.
    if (!bucket.hasToken()) refuse(bucket);
    const before = this.#turns.get(member.id);
    let done = () => {};
    const turn = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.#turns.set(member.id, turn);
    let started: number | undefined;
    let charged: number | undefined;
    try {
      await before;
      if (!bucket.take()) refuse(bucket);
      started = performance.now();
      const built = await build();
      charged = built.ms;
      return built.result;
    } catch (error) {
      charged = threadMs(error);
      throw error;
    } finally {
      if (started !== undefined) bucket.spend(charged ?? performance.now() - started);
      done();
      if (this.#turns.get(member.id) === turn) this.#turns.delete(member.id);
    }
  }
}

/** Refuses an export, saying when to try again. */
function refuse(bucket: TokenBucket): never {
  const seconds = Math.max(1, Math.ceil(bucket.waitMs() / 1000));
  throw new RateLimitError(
    seconds,
    `Too many exports of this board at once; try again in ${seconds} s.`,
  );
}
