/** Percentiles and summaries of latency samples (milliseconds). */

export interface Summary {
  n: number;
  median: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function percentile(values: readonly number[], p: number): number {
  return percentileSorted(Array.from(Float64Array.from(values).sort()), p);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = Array.from(Float64Array.from(values).sort());
  return {
    n: sorted.length,
    median: percentileSorted(sorted, 50),
    p99: percentileSorted(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** a / b, or NaN when either side is missing or b is zero. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return Number.NaN;
  return a / b;
}
