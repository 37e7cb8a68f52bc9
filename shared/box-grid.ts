/**
 * Boxes by where they lie, to ask what lies near a spot without looking at every box: square
 * buckets in a hash, so a board of any size costs only what is on it. A box goes into the finest
 * of a few grids in which it spans a few buckets at most (a note the finest, a big drawing a
 * coarser one). One too big even for the coarsest, or so far out that its buckets cannot be
 * counted exactly, is looked at by every question, as is everything for a question too big.
 */

/** A box by its edges, left ≤ right and top ≤ bottom, edges included. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box from (x, y) to (right, bottom), whichever way round they are. */
export function bounds(x: number, y: number, right: number, bottom: number): Bounds {
  return {
    left: Math.min(x, right),
    top: Math.min(y, bottom),
    right: Math.max(x, right),
    bottom: Math.max(y, bottom),
  };
}

/** Buckets a box may span, across and down together, in its grid. */
const SPAN = 16;
/** Each grid's buckets are this many times as wide as the one before. */
const COARSER = 16;
const GRIDS = 6;

export class BoxGrid<T> {
  readonly #sizes: number[];
  readonly #buckets = new Map<string, T[]>();
  /** Boxes in each grid, so a question skips the empty ones. */
  readonly #counts: number[];
  readonly #loose = new Set<T>();
  /** Each box's buckets ([] for a loose one). */
  readonly #keys = new Map<T, string[]>();

  /** `size`: the finest buckets' width, about a box's usual size. */
  constructor(size: number) {
    this.#sizes = Array.from({ length: GRIDS }, (_, grid) => size * COARSER ** grid);
    this.#counts = this.#sizes.map(() => 0);
  }

  add(value: T, bounds: Bounds): void {
    this.delete(value);
    for (const [grid, count] of this.#counts.entries()) {
      const keys = this.#bucketsOf(grid, bounds);
      if (!keys) continue;
      for (const key of keys) {
        const bucket = this.#buckets.get(key);
        if (bucket) bucket.push(value);
        else this.#buckets.set(key, [value]);
      }
      this.#counts[grid] = count + 1;
      this.#keys.set(value, keys);
      return;
    }
    this.#loose.add(value);
    this.#keys.set(value, []);
  }

  delete(value: T): void {
    const keys = this.#keys.get(value);
    if (!keys) return;
    this.#keys.delete(value);
    if (keys.length === 0) {
      this.#loose.delete(value);
      return;
    }
    const grid = Number(keys[0]!.slice(0, keys[0]!.indexOf(':')));
    this.#counts[grid]! -= 1;
    for (const key of keys) {
      const bucket = this.#buckets.get(key)!;
      bucket.splice(bucket.indexOf(value), 1);
      if (bucket.length === 0) this.#buckets.delete(key);
    }
  }

  /**
   * Whether `test` holds for some box: it is asked of every box that shares a bucket with
   * `bounds` (some more than once), and stops at the first yes. A box that meets `bounds` is
   * always asked.
   */
  some(bounds: Bounds, test: (value: T) => boolean): boolean {
    for (const [grid, count] of this.#counts.entries()) {
      if (count === 0) continue;
      const range = this.#rangeOf(grid, bounds);
      if (!range) return [...this.#keys.keys()].some(test);
      const [x0, x1, y0, y1] = range;
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          if (this.#buckets.get(`${grid}:${x}:${y}`)?.some(test)) return true;
        }
      }
    }
    for (const value of this.#loose) if (test(value)) return true;
    return false;
  }

  /** The keys of the buckets of `grid` that `bounds` touches; null where they are too many. */
  #bucketsOf(grid: number, bounds: Bounds): string[] | null {
    const range = this.#rangeOf(grid, bounds);
    if (!range) return null;
    const [x0, x1, y0, y1] = range;
    const keys: string[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(`${grid}:${x}:${y}`);
    return keys;
  }

  /** The buckets of `grid` that `bounds` touches, first and last across and down; null where too many. */
  #rangeOf(
    grid: number,
    { left, top, right, bottom }: Bounds,
  ): [number, number, number, number] | null {
    const size = this.#sizes[grid]!;
    const x0 = Math.floor(left / size);
    const x1 = Math.floor(right / size);
    const y0 = Math.floor(top / size);
    const y1 = Math.floor(bottom / size);
    const exact = [x0, x1, y0, y1].every(Number.isSafeInteger);
    if (!exact || x1 < x0 || y1 < y0 || (x1 - x0 + 1) * (y1 - y0 + 1) > SPAN) return null;
    return [x0, x1, y0, y1];
  }
}
