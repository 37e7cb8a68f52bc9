/**
 * The members a follow-up can go to, one per person as far as the page can tell. Everyone who
 * joins again (a new device, a cleared browser) becomes a new member with the same name: a year
 * of weekly sessions left 46 "Aino"s in the owner list with nothing to tell them apart, and 800
 * options in every owner picker froze the page (QA). Of the members with one name the page
 * offers the current ones, by that name: me, whoever is here now, else the one who joined last.
 * An earlier one stays only while it owns a follow-up, marked as such, so that follow-up still
 * shows whose it is.
 */
import type { KnownMember } from './use-members.ts';

export interface ListedMember extends KnownMember {
  /** Not the current member of that name: one who owns a follow-up from an earlier visit. */
  earlier?: true;
}

export interface MemberContext {
  meId: string;
  /** Here now (presence). */
  present: ReadonlySet<string>;
  /** Member id → its place in the order members joined (the members list's order). */
  joinOrder: ReadonlyMap<string, number>;
  /** Members who own a follow-up. */
  owners: ReadonlySet<string>;
}

export function currentMembers(
  members: readonly KnownMember[],
  { meId, present, joinOrder, owners }: MemberContext,
  nameOrder: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): ListedMember[] {
  const byName = new Map<string, KnownMember[]>();
  for (const member of members) {
    const group = byName.get(member.name);
    if (group) group.push(member);
    else byName.set(member.name, [member]);
  }
  // Once the server's list is read (it has me at least), one missing from it was taken off the
  // board: never offered as current, only kept, marked, for the follow-ups it owns (QA).
  const stillMember = (member: KnownMember) => joinOrder.size === 0 || joinOrder.has(member.id);
  const listed: ListedMember[] = [];
  for (const group of byName.values()) {
    const here = group.filter((member) => member.id === meId || present.has(member.id));
    const members = group.filter(stillMember);
    const newest = members.reduce<KnownMember | undefined>(
      (a, b) => (a && (joinOrder.get(a.id) ?? -1) >= (joinOrder.get(b.id) ?? -1) ? a : b),
      undefined,
    );
    const current = new Set(
      (here.length > 0 ? here : newest ? [newest] : []).map((member) => member.id),
    );
    for (const member of group) {
      if (current.has(member.id)) listed.push(member);
      else if (owners.has(member.id)) listed.push({ ...member, earlier: true });
    }
  }
  return listed.sort(
    (a, b) => nameOrder(a.name, b.name) || Number(a.earlier ?? false) - Number(b.earlier ?? false),
  );
}
