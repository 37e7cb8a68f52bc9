/**
 * Which items a round takes votes on: the server's rule (shared/facilitation.ts, docs/API.md
 * `frameId`), so the board can mark targets before anyone clicks. The server still decides.
 */
import type { Item } from '../../../shared/board-document.ts';
import { insideFrame, type Round } from '../../../shared/facilitation.ts';

/** What of a round decides which items take votes. */
export type RoundTargets = Pick<Round, 'itemTypes' | 'frameId'>;

export function isTarget(item: Item, round: RoundTargets, frame: Item | undefined): boolean {
  if (!round.itemTypes.includes(item.type)) return false;
  return round.frameId === null || insideFrame(item, round.frameId, frame);
}
