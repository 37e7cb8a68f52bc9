/**
 * What one item's overlay shows of the workshop state, as plain values. A board has an overlay
 * on every item near the view (hundreds on a big one), and every vote anyone casts in a public
 * round replaces the open round's view: compared by value, a vote re-renders only the overlays
 * whose display it changes (the item voted on, items whose rank moved, and all of them only
 * when my votes left run out or come back).
 */
import type { Round, RoundResult } from '../../../shared/facilitation.ts';
import type { FollowUp } from '../../../shared/follow-through.ts';
import { openRoundOf, shownRoundOf } from './use-workshop.ts';
import type { WorkshopState } from './workshop-state.ts';

/** The open round's rules an overlay needs: which items take votes, and how many each. */
export type OverlayRound = Pick<Round, 'id' | 'frameId' | 'itemTypes' | 'maxPerItem'>;

export interface OverlayView {
  /** The open round, or null when none is open. */
  round: OverlayRound | null;
  /** My votes on this item in the open round. */
  mine: number;
  /** Whether I have votes left in the open round. */
  votesLeft: boolean;
  /** This item in the tallies on show: the open round's live ones, else the shown ranking. */
  result: Pick<RoundResult, 'rank' | 'votes'> | null;
  followUps: FollowUp[];
}

/**
 * Results by item, made once per results list: every overlay looks its item up after each vote,
 * and a list searched by each of 2,000 overlays is 2,000 searches.
 */
const resultsByItem = new WeakMap<RoundResult[], Map<string, RoundResult>>();

function resultOf(results: RoundResult[], itemId: string): RoundResult | undefined {
  let byItem = resultsByItem.get(results);
  if (!byItem) {
    byItem = new Map(results.map((result) => [result.itemId, result]));
    resultsByItem.set(results, byItem);
  }
  return byItem.get(itemId);
}

export function overlayViewOf(state: WorkshopState, itemId: string): OverlayView {
  const open = openRoundOf(state);
  // Live tallies exist only in public rounds; an anonymous open round has none to show.
  const results = open ? open.results : shownRoundOf(state)?.results;
  const result = results ? resultOf(results, itemId) : undefined;
  return {
    round: open && {
      id: open.round.id,
      frameId: open.round.frameId,
      itemTypes: open.round.itemTypes,
      maxPerItem: open.round.maxPerItem,
    },
    mine: open?.myVotes[itemId] ?? 0,
    votesLeft: (open?.remaining ?? 0) > 0,
    result: result ? { rank: result.rank, votes: result.votes } : null,
    followUps: state.followUps.filter((followUp) => followUp.itemId === itemId),
  };
}

function sameRound(a: OverlayRound | null, b: OverlayRound | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.frameId === b.frameId &&
    a.maxPerItem === b.maxPerItem &&
    a.itemTypes.length === b.itemTypes.length &&
    a.itemTypes.every((type, index) => type === b.itemTypes[index])
  );
}

export function sameOverlayView(a: OverlayView, b: OverlayView): boolean {
  return (
    sameRound(a.round, b.round) &&
    a.mine === b.mine &&
    a.votesLeft === b.votesLeft &&
    a.result?.rank === b.result?.rank &&
    a.result?.votes === b.result?.votes &&
    a.followUps.length === b.followUps.length &&
    a.followUps.every((followUp, index) => followUp === b.followUps[index])
  );
}
