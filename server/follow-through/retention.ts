/**
 * Which automatic snapshots to let go. Named and manual snapshots are kept forever. The way back
 * from a round or a restore (the snapshot taken just before it) is kept for a month whatever is
 * saved around it: thinned like the periodic ones, an hour of editing after a restore took its
 * "Undo the restore" away with what the restore removed (QA); the newest of each kind stays
 * longer, whatever its age. Of the periodic ones, the newest
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
  // The newest way back of each kind stays, however old it looks: a clock set a month ahead (a
  // VM restored with the wrong time) made the way back from a round of a minute ago look a month
  // old, and it went for good (QA, time).
  const newest = new Map<Snapshot['reason'], Snapshot>();
  for (const snapshot of automatic) {
    const known = newest.get(snapshot.reason);
    if (!known || Date.parse(snapshot.createdAt) > Date.parse(known.createdAt)) {
      newest.set(snapshot.reason, snapshot);
    }
  }
  const drop = automatic
    .filter(
      (snapshot) =>
        WAYS_BACK.has(snapshot.reason) &&
        ageOf(snapshot) > MONTH &&
        newest.get(snapshot.reason) !== snapshot,
    )
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
