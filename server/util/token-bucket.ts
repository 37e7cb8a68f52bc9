/** A token bucket: `ratePerSec` sustained, `burst` at once. Used for every rate limit. */
export class TokenBucket {
  readonly #ratePerMs: number;
  readonly #burst: number;
  #tokens: number;
  #last: number;

  constructor(ratePerSec: number, burst: number, now = performance.now()) {
    this.#ratePerMs = ratePerSec / 1000;
    this.#burst = burst;
    this.#tokens = burst;
    this.#last = now;
  }

  /** Whether there is a token to take, without taking it. */
  hasToken(now = performance.now()): boolean {
    this.#refill(now);
    return this.#tokens >= 1;
  }

  /** Takes one token if there is one. */
  take(now = performance.now()): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /**
   * Spends `amount` known only afterwards (the milliseconds some work took, where a token is a
   * millisecond): the balance may go below zero, and take() then waits until it is back.
   */
  spend(amount: number, now = performance.now()): void {
    this.#refill(now);
    this.#tokens -= amount;
  }

  /** Gives back a token taken for what turned out not to count (a limit on failures only). */
  refund(): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + 1);
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) * this.#ratePerMs);
    this.#last = now;
  }

  /** Milliseconds until a token is available. */
  waitMs(): number {
    return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.#ratePerMs);
  }
}
