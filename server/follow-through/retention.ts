/**
 * Which automatic snapshots to let go. Named and manual snapshots are kept forever. The way back
 * from a round or a restore (the snapshot taken just before it) is kept for a month whatever is
 * saved around it: thinned like the periodic ones, an hour of editing after a restore took its
 * "Undo the restore" away with what the restore removed (QA). Of the periodic ones, the newest
 * few stay; older ones are thinned to one per hour for a day, one per day for a month, and none
 * after that.
 */
import type { Snapshot } from '../../shared/follow-through.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
export const KEEP_NEWEST = 10;

/** Snapshots that are the way back from something a facilitator did. */
const WAYS_BACK = new Set<Snapshot['reason']>(['before_round', 'before_restore']);

/** Ids of snapshots to delete. `snapshots` may be in any order. */
export function snapshotsToThin(snapshots: readonly Snapshot[], now: number): string[] {
  const automatic = snapshots.filter((s) => s.reason !== 'manual' && s.name === null);
  const ageOf = (snapshot: Snapshot) => now - Date.parse(snapshot.createdAt);
  const drop = automatic
    .filter((snapshot) => WAYS_BACK.has(snapshot.reason) && ageOf(snapshot) > MONTH)
    .map((snapshot) => snapshot.id);
  const periodic = automatic
    .filter((snapshot) => !WAYS_BACK.has(snapshot.reason))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const seenBuckets = new Set<string>();
  periodic.forEach((snapshot, index) => {
    if (index < KEEP_NEWEST) return;
    const age = ageOf(snapshot);
    if (age > MONTH) {
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
