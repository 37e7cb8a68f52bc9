/** Pure rules of dot voting, shared by the server (enforcing) and the client (showing). */
import type { RoundResult } from './facilitation.ts';

/**
 * Ranks tallies, most votes first. Equal votes share a rank and the next rank skips
 * (1, 1, 3), so "the top 2" never silently drops a tie. Items without votes are left out.
 */
export function rankTallies(tallies: ReadonlyMap<string, number>): RoundResult[] {
  const ordered = Array.from(tallies)
    .filter(([, votes]) => votes > 0)
    .sort(([a, va], [b, vb]) => vb - va || (a < b ? -1 : a > b ? 1 : 0));
  const results: RoundResult[] = [];
  ordered.forEach(([itemId, votes], index) => {
    const previous = results[index - 1];
    const rank = previous && previous.votes === votes ? previous.rank : index + 1;
    results.push({ itemId, votes, rank });
  });
  return results;
}
