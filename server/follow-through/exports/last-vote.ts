/**
 * Which vote a board's exports show as what the workshop decided: the agenda's "What the last
 * vote chose" and the SVG picture's vote badges read the same round, by this one rule.
 */

import type { RoundResult } from '../../../shared/facilitation.ts';
import type { BoardExport } from '../../../shared/follow-through.ts';

/** A round as the export model holds it, with its number on the board (1 for the first). */
export interface NumberedRound {
  entry: BoardExport['rounds'][number];
  number: number;
}

/**
 * The last closed round anyone voted in; where nobody voted in any, the last closed round. An
 * empty round closed after the decision (opened by mistake, say) does not push it out: it did
 * push it out of the next meeting's agenda (QA). An open round has no results yet, so it never
 * counts. Undefined where no round has closed.
 */
export function lastVotedRound(model: BoardExport): NumberedRound | undefined {
  const closed = model.rounds.flatMap((entry, index) =>
    entry.round.status === 'closed' ? [index] : [],
  );
  const voted = closed.findLast((index) =>
    model.rounds[index]?.results.some((result) => result.votes > 0),
  );
  const index = voted ?? closed.at(-1);
  if (index === undefined) return undefined;
  const entry = model.rounds[index];
  return entry && { entry, number: index + 1 };
}

/**
 * The last vote's results (lastVotedRound) by item, only for items that got votes: an empty
 * round has every result at 0. What the picture marks as the workshop's choice (the report tells
 * each round's, markdown.ts).
 */
export function lastVoteResults(model: BoardExport): Map<string, RoundResult> {
  return new Map(
    (lastVotedRound(model)?.entry.results ?? [])
      .filter((result) => result.votes > 0)
      .map((result) => [result.itemId, result]),
  );
}
