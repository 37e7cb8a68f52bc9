/** Who is on the board right now, read from Yjs awareness (board/presence.ts). */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { ROLES } from '../../../shared/roles.ts';
import { useNameOrder } from '../i18n/i18n.tsx';
import type { PresenceState, ViewportState } from './presence.ts';

export interface PresentMember {
  /** The awareness client id of one of this member's tabs (the one to follow). */
  clientId: number;
  member: PresenceState['member'];
  isMe: boolean;
}

/** Stock Yjs clients may publish anything under `member`: only well-formed ones are listed. */
export function readMember(state: unknown): PresenceState['member'] | null {
  if (typeof state !== 'object' || state === null) return null;
  const member = (state as { member?: unknown }).member;
  if (typeof member !== 'object' || member === null) return null;
  const { id, name, color, role } = member as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return {
    id,
    name: name.slice(0, 60),
    color: typeof color === 'string' && /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#64748b',
    role: (ROLES as readonly unknown[]).includes(role)
      ? (role as PresenceState['member']['role'])
      : 'participant',
  };
}

export function readViewport(state: unknown): ViewportState | null {
  if (typeof state !== 'object' || state === null) return null;
  const viewport = (state as { viewport?: unknown }).viewport;
  if (typeof viewport !== 'object' || viewport === null) return null;
  const { x, y, zoom, w, h } = viewport as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!finite(x) || !finite(y) || !finite(zoom) || zoom <= 0) return null;
  const area = finite(w) && finite(h) && w > 0 && h > 0 ? { w, h } : {};
  return { x, y, zoom, ...area };
}

const ROLE_ORDER: Record<PresenceState['member']['role'], number> = {
  facilitator: 0,
  participant: 1,
  viewer: 2,
};

function collect(
  awareness: Awareness,
  nameOrder: (a: string, b: string) => number,
): PresentMember[] {
  const byMember = new Map<string, PresentMember>();
  const mine = awareness.clientID;
  awareness.getStates().forEach((state, clientId) => {
    const member = readMember(state);
    if (!member) return;
    const isMe = clientId === mine;
    const known = byMember.get(member.id);
    // One person in two tabs is one person; my own tab wins so that I never follow myself.
    if (!known || isMe) byMember.set(member.id, { clientId, member, isMe });
  });
  return Array.from(byMember.values()).sort(
    (a, b) =>
      Number(b.isMe) - Number(a.isMe) ||
      ROLE_ORDER[a.member.role] - ROLE_ORDER[b.member.role] ||
      nameOrder(a.member.name, b.member.name),
  );
}

/** Re-renders only when the set of people changes, not on every cursor move. */
export function usePresence(awareness: Awareness): PresentMember[] {
  const nameOrder = useNameOrder();
  const [people, setPeople] = useState<PresentMember[]>(() => collect(awareness, nameOrder));
  useEffect(() => {
    let signature = '';
    const update = () => {
      const next = collect(awareness, nameOrder);
      const nextSignature = next
        .map(
          (p) => `${p.clientId}:${p.member.id}:${p.member.name}:${p.member.color}:${p.member.role}`,
        )
        .join('|');
      if (nextSignature === signature) return;
      signature = nextSignature;
      setPeople(next);
    };
    // Cursors change awareness many times a second per person; the list needs a glance, not
    // every move, so changes are looked at a few times a second at most.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        update();
      }, 150);
    };
    update();
    awareness.on('change', schedule);
    return () => {
      clearTimeout(timer);
      awareness.off('change', schedule);
    };
  }, [awareness, nameOrder]);
  return people;
}
