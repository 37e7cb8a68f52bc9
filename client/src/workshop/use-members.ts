/**
 * Members a follow-up can be assigned to: everyone who has joined (GET /members), who is here
 * now (awareness, for people who join while the dialog is open) and who already owns one.
 */
import { useEffect, useState } from 'react';
import type { ListMembersResponse } from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import type { BoardSession } from '../board/board-session.ts';
import type { PresenceState } from '../board/presence.ts';
import { useNameOrder } from '../i18n/i18n.tsx';
import { currentMembers, type ListedMember, type MemberContext } from './member-list.ts';
import { useWorkshop } from './use-workshop.ts';

export interface KnownMember {
  id: string;
  name: string;
  role?: Role;
}

function presentMembers(session: BoardSession): KnownMember[] {
  const members: KnownMember[] = [];
  for (const state of session.awareness.getStates().values()) {
    const member = (state as Partial<PresenceState>).member;
    if (member && typeof member.id === 'string' && typeof member.name === 'string') {
      members.push({ id: member.id, name: member.name, role: member.role });
    }
  }
  return members;
}

export function useKnownMembers(session: BoardSession, enabled: boolean): ListedMember[] {
  const [state] = useWorkshop();
  const nameOrder = useNameOrder();
  const [present, setPresent] = useState(() => presentMembers(session));
  const [joined, setJoined] = useState<KnownMember[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const update = () => setPresent(presentMembers(session));
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
