/**
 * Members a follow-up can be assigned to: everyone who has joined (GET /members), who is here
 * now (awareness, for people who join while the dialog is open) and who already owns one.
 */
import { useEffect, useState } from 'react';
import type { ListMembersResponse } from '../../../shared/api.ts';
import type { BoardSession } from '../board/board-session.ts';
import { membersHere, type PresentMember } from '../board/presence.ts';
import { useNameOrder } from '../i18n/i18n.tsx';
import { currentMembers, type ListedMember, type MemberContext } from './member-list.ts';
import { useWorkshop } from './use-workshop.ts';

export type KnownMember = PresentMember;

export function useKnownMembers(session: BoardSession, enabled: boolean): ListedMember[] {
  const [state] = useWorkshop();
  const nameOrder = useNameOrder();
  const [present, setPresent] = useState(() => membersHere(session.awareness));
  const [joined, setJoined] = useState<KnownMember[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const update = () => setPresent(membersHere(session.awareness));
    session.awareness.on('change', update);
    let cancelled = false;
    session
      .api<ListMembersResponse>('/members')
      .then((data) => {
        if (!cancelled) setJoined(data.members);
      })
      .catch(() => {
        // Without the list, awareness and follow-up owners still name people.
      });
    return () => {
      cancelled = true;
      session.awareness.off('change', update);
    };
  }, [session, enabled]);
  const byId = new Map<string, KnownMember>();
  byId.set(session.me.id, { id: session.me.id, name: session.me.name, role: session.me.role });
  for (const member of [...joined, ...present]) byId.set(member.id, member);
  for (const followUp of state.followUps) {
    const { memberId, name } = followUp.owner;
    if (memberId && !byId.has(memberId)) byId.set(memberId, { id: memberId, name });
  }
  const context: MemberContext = {
    meId: session.me.id,
    present: new Set(present.map((member) => member.id)),
    joinOrder: new Map(joined.map((member, index) => [member.id, index])),
    owners: new Set(state.followUps.flatMap((followUp) => followUp.owner.memberId ?? [])),
  };
  return currentMembers(
    Array.from(byId.values()).filter((member) => member.role !== 'viewer'),
    context,
    nameOrder,
  );
}
