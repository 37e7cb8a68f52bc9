/** A follow-up's owner as the board names them, in every panel and overlay alike. */
import type { FollowUpOwner } from '../../../shared/follow-through.ts';
import type { Catalogue } from '../i18n/en/index.ts';

/** Their name; "Unassigned" while nobody owns the follow-up (the only time it has no name). */
export function ownerName(owner: FollowUpOwner, t: Catalogue): string {
  return owner.name || t.workshop.unknownOwner;
}
