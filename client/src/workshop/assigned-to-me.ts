/**
 * Follow-ups given to me while I am on the board: said to a screen reader, and counted on the
 * Follow-ups tab until I open it (a11y QA: a participant found the one given to them only by
 * opening the tab). What the board held when I came is not news. The store tells them once
 * (`givenToMe`), for both.
 */
import type { FollowUp } from '../../../shared/follow-through.ts';

/** Id → owner's member id, as the follow-ups stood. */
export type Owners = ReadonlyMap<string, string | undefined>;

export function ownersOf(followUps: readonly FollowUp[]): Owners {
  return new Map(followUps.map((followUp) => [followUp.id, followUp.owner?.memberId]));
}

/** The follow-ups that are mine now and were not in `before` (null: nothing known yet). */
export function newlyMine(
  before: Owners | null,
  followUps: readonly FollowUp[],
  meId: string,
): FollowUp[] {
  if (!before) return [];
  return followUps.filter(
    (followUp) =>
      followUp.owner?.memberId === meId &&
      followUp.status !== 'dropped' &&
      before.get(followUp.id) !== meId,
  );
}

/** The follow-ups list, change by change: which are newly mine since the one before. */
export class NewlyMine {
  #owners: Owners | null = null;

  /** Those mine in `followUps` and not before; none the first time (what the board held). */
  next(followUps: readonly FollowUp[], meId: string): FollowUp[] {
    const fresh = newlyMine(this.#owners, followUps, meId);
    this.#owners = ownersOf(followUps);
    return fresh;
  }
}
