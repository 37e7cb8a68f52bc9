/** A follow-up's owner as the board names them, and as a facilitator types one in. */
import type { FollowUpOwner } from '../../../shared/follow-through.ts';
import type { Catalogue } from '../i18n/en/index.ts';

/** Their name; "Unassigned" while nobody owns the follow-up (the only time it has no name). */
export function ownerName(owner: FollowUpOwner, t: Catalogue): string {
  return owner.name || t.workshop.unknownOwner;
}

/** An owner who is not a member, as typed: the name, and the e-mail address where one was. */
export function typedOwner(name: string, email: string): { name: string; email?: string } {
  const address = email.trim();
  return address ? { name: name.trim(), email: address } : { name: name.trim() };
}
