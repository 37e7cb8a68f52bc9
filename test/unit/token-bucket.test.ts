import { expect, it } from 'vitest';
import { TokenBucket } from '../../server/util/token-bucket.ts';

it('a token bucket allows its burst, then its rate', () => {
  const bucket = new TokenBucket(10, 3, 0);
  expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
    true,
    true,
    true,
    false,
  ]);
  expect(bucket.take(50)).toBe(false);
  expect(bucket.take(100)).toBe(true);
  expect(bucket.take(100)).toBe(false);
  expect(bucket.waitMs()).toBe(100);
  // Never more than the burst, however long it rests.
  expect([bucket.take(1e6), bucket.take(1e6), bucket.take(1e6), bucket.take(1e6)]).toEqual([
    true,
    true,
    true,
    false,
  ]);
});
