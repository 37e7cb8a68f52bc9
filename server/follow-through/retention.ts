/**
 * Which automatic snapshots to let go. Named and manual snapshots are kept forever. Of the
 * automatic ones, the newest few stay; older ones are thinned to one per hour for a day,
 * one per day for a month, and none after that.
 */
import type { Snapshot } from '../../shared/follow-through.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const KEEP_NEWEST = 10;

/** Ids of snapshots to delete. `snapshots` may be in any order. */
export function snapshotsToThin(snapshots: readonly Snapshot[], now: number): string[] {
  const automatic = snapshots
    .filter((s) => s.reason !== 'manual' && s.name === null)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const drop: string[] = [];
  const seenBuckets = new Set<string>();
  automatic.forEach((snapshot, index) => {
    if (index < KEEP_NEWEST) return;
    const age = now - Date.parse(snapshot.createdAt);
    if (age > 30 * DAY) {
      drop.push(snapshot.id);
      return;
    }
    const bucket = age > DAY ? `d${Math.floor(age / DAY)}` : `h${Math.floor(age / HOUR)}`;
    // Newest first: the first snapshot seen in a bucket is the one kept.
    if (seenBuckets.has(bucket)) drop.push(snapshot.id);
    else seenBuckets.add(bucket);
  });
  return drop;
}
