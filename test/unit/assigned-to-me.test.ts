import { describe, expect, it } from 'vitest';
import { newlyMine, ownersOf } from '../../client/src/workshop/assigned-to-me.ts';
import type { FollowUp } from '../../shared/follow-through.ts';

const followUp = (
  id: string,
  memberId?: string,
  status: FollowUp['status'] = 'open',
): FollowUp => ({
  id,
  itemId: 'n1',
  title: id,
  owner: memberId ? { name: 'Someone', memberId } : { name: '' },
  status,
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
});

describe('follow-ups newly given to me', () => {
  it('are those mine now that were not mine before: new ones, and ones handed to me', () => {
    const before = ownersOf([followUp('a', 'me'), followUp('b', 'ben'), followUp('c')]);
    const now = [
      followUp('a', 'me'),
      followUp('b', 'me'),
      followUp('c'),
      followUp('d', 'me'),
      followUp('e', 'ben'),
      followUp('f', 'me', 'dropped'),
    ];
    expect(newlyMine(before, now, 'me').map((f) => f.id)).toEqual(['b', 'd']);
  });

  it('are none while nothing was known: what the board held when I came is not news', () => {
    expect(newlyMine(null, [followUp('a', 'me')], 'me')).toEqual([]);
  });
});
