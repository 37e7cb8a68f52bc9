/**
 * Which items a round takes votes on: the server's rule (shared/facilitation.ts, docs/API.md
 * `frameId`), so the board can mark targets before anyone clicks. The server still decides.
 */
import type { Item } from '../../../shared/board-document.ts';
import { type FrameOf, insideFrame, type Round } from '../../../shared/facilitation.ts';

/** What of a round decides which items take votes. */
export type RoundTargets = Pick<Round, 'itemTypes' | 'frameId'>;

/** `frameOf` looks up the board's frames: the round's and those its items are nested in. */
export function isTarget(item: Item, round: RoundTargets, frameOf: FrameOf): boolean {
  return isTargetWhere(
    item,
    round,
    round.frameId === null || insideFrame(item, round.frameId, frameOf),
  );
}

/**
 * isTarget, where the caller already knows whether the round's frame holds the item
 * (`inFrame`, insideFrame): a list passes each item a flag that changes only for the items a
 * moving frame takes in or leaves, not the frame itself.
 */
export function isTargetWhere(item: Item, round: RoundTargets, inFrame: boolean): boolean {
  return round.itemTypes.includes(item.type) && (round.frameId === null || inFrame);
}
