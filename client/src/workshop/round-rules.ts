/**
 * Which items a round takes votes on, mirroring the server's rule (docs/API.md, `frameId`)
 * so the board can mark targets before anyone clicks. The server still decides.
 */
import type { Item } from '../../../shared/board-document.ts';
import type { Round } from '../../../shared/facilitation.ts';

export function insideFrame(item: Item, frame: Item | undefined): boolean {
  if (item.parent !== undefined) return item.parent === frame?.id;
  if (!frame) return false;
  const cx = item.x + item.w / 2;
  const cy = item.y + item.h / 2;
  return cx >= frame.x && cx <= frame.x + frame.w && cy >= frame.y && cy <= frame.y + frame.h;
}

/** What of a round decides which items take votes. */
export type RoundTargets = Pick<Round, 'itemTypes' | 'frameId'>;

export function isTarget(item: Item, round: RoundTargets, frame: Item | undefined): boolean {
  if (!round.itemTypes.includes(item.type)) return false;
  return round.frameId === null || insideFrame(item, frame);
}
