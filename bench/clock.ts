/**
 * Wall-clock time with sub-millisecond resolution, comparable across processes on one machine:
 * every process's timeOrigin is a wall-clock instant, and performance.now() counts from it.
 */
export const now = (): number => performance.timeOrigin + performance.now();
