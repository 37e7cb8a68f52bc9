import { expect, it } from 'vitest';
import { KEEP_NEWEST, snapshotsToThin } from '../../server/follow-through/retention.ts';
import type { Snapshot } from '../../shared/follow-through.ts';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-23T12:00:00Z');
const snap = (id: string, ageMs: number, extra: Partial<Snapshot> = {}): Snapshot => ({
  id,
  name: null,
  reason: 'periodic',
  createdAt: new Date(now - ageMs).toISOString(),
  bytes: 100,
  ...extra,
});

it('keeps named and manual snapshots and the newest automatic ones, thins the rest with age', () => {
  const snapshots: Snapshot[] = [];
  // One every 5 minutes for 3 days: 864 automatic snapshots.
  for (let i = 0; i < 864; i++) snapshots.push(snap(`p${i}`, i * 5 * 60_000));
  snapshots.push(snap('named', 40 * 24 * HOUR, { name: 'Kick-off', reason: 'manual' }));
  snapshots.push(snap('manual', 50 * 24 * HOUR, { reason: 'manual' }));
  snapshots.push(snap('ancient', 31 * 24 * HOUR, { reason: 'before_round' }));
  snapshots.push(snap('newer-round', 30 * 24 * HOUR, { reason: 'before_round' }));
  const dropped = new Set(snapshotsToThin(snapshots, now));
  expect(dropped.has('named')).toBe(false);
  expect(dropped.has('manual')).toBe(false);
  expect(dropped.has('ancient')).toBe(true);
  expect(dropped.has('newer-round')).toBe(false);
  for (let i = 0; i < KEEP_NEWEST; i++) expect(dropped.has(`p${i}`)).toBe(false);
  const kept = snapshots.filter((s) => !dropped.has(s.id) && s.reason === 'periodic');
  // 10 newest, then at most one per hour for the first day and one per day after.
  expect(kept.length).toBeLessThanOrEqual(KEEP_NEWEST + 24 + 3);
  expect(kept.length).toBeGreaterThan(KEEP_NEWEST + 20);
  // Thinning again changes nothing.
  expect(snapshotsToThin(kept, now)).toEqual([]);
});

it('keeps the way back from a restore or a round for a month, whatever is saved after it (QA)', () => {
  const snapshots: Snapshot[] = [
    // A restore, and a round, with an hour of editing after each: a periodic snapshot every
    // 5 minutes, in the same hour as the way back and newer than it.
    snap('before-restore', 61 * 60_000, { reason: 'before_restore' }),
    snap('before-round', 2 * HOUR + 60_000, { reason: 'before_round' }),
    snap('old-way-back', 31 * 24 * HOUR, { reason: 'before_restore' }),
  ];
  for (let i = 0; i < 30; i++) snapshots.push(snap(`p${i}`, i * 5 * 60_000));
  const dropped = new Set(snapshotsToThin(snapshots, now));
  expect(dropped.has('before-restore')).toBe(false);
  expect(dropped.has('before-round')).toBe(false);
  // After a month it goes, as periodic ones do.
  expect(dropped.has('old-way-back')).toBe(true);
  // The periodic ones are thinned as before: the newest ten, then one for each hour the rest
  // reach into (2 h 25 min back: hours 0, 1 and 2).
  expect(snapshots.filter((s) => s.reason === 'periodic' && !dropped.has(s.id)).length).toBe(
    KEEP_NEWEST + 3,
  );
});

it('keeps the newest way back of each kind however old it looks: the clock may have jumped (QA, time)', () => {
  // A round a minute ago, then the clock set a month ahead and one edit: every snapshot looks
  // a month old at once.
  const jumped = now + 31 * 24 * HOUR;
  const snapshots: Snapshot[] = [
    snap('before-round', 60_000, { reason: 'before_round' }),
    snap('before-restore', 120_000, { reason: 'before_restore' }),
    snap('older-restore', 180_000, { reason: 'before_restore' }),
    snap('after-the-jump', -31 * 24 * HOUR),
  ];
  const dropped = new Set(snapshotsToThin(snapshots, jumped));
  expect(dropped.has('before-round')).toBe(false);
  expect(dropped.has('before-restore')).toBe(false);
  expect(dropped.has('older-restore')).toBe(true);
});
