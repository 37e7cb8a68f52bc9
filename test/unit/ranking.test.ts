import { expect, it } from 'vitest';
import { rankTallies } from '../../shared/ranking.ts';

it('ranks by votes, equal votes share a rank and the next rank skips', () => {
  const tallies = new Map([
    ['c', 2],
    ['a', 5],
    ['b', 5],
    ['d', 1],
    ['e', 0],
  ]);
  expect(rankTallies(tallies)).toEqual([
    { itemId: 'a', votes: 5, rank: 1 },
    { itemId: 'b', votes: 5, rank: 1 },
    { itemId: 'c', votes: 2, rank: 3 },
    { itemId: 'd', votes: 1, rank: 4 },
  ]);
  expect(rankTallies(new Map())).toEqual([]);
});
