/**
 * Follow-ups given to me while I am on the board: said to a screen reader, and counted on the
 * Follow-ups tab until I open it (a11y QA: a participant found the one given to them only by
 * opening the tab). What the board held when I came is not news.
 */
import { useEffect, useRef, useState } from 'react';
import type { FollowUp } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useWorkshop } from './use-workshop.ts';

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

/**
 * Calls `onNew` with each change's follow-ups newly given to me, once the list has loaded.
 */
export function useNewlyMine(onNew: (followUps: FollowUp[]) => void): void {
  const session = useBoardSession();
  const [state] = useWorkshop();
  const seen = useRef<Owners | null>(null);
  const latest = useRef(onNew);
  latest.current = onNew;
  useEffect(() => {
    if (!state.followUpsLoaded) return;
    const fresh = newlyMine(seen.current, state.followUps, session.me.id);
    seen.current = ownersOf(state.followUps);
    if (fresh.length > 0) latest.current(fresh);
  }, [state.followUps, state.followUpsLoaded, session.me.id]);
}

/** How many follow-ups were given to me since I last had the Follow-ups tab open. */
export function useUnseenMine(tabOpen: boolean): number {
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());
  useNewlyMine((fresh) => {
    if (!tabOpen) setUnseen((before) => new Set([...before, ...fresh.map((f) => f.id)]));
  });
  useEffect(() => {
    if (tabOpen) setUnseen(new Set());
  }, [tabOpen]);
  return unseen.size;
}
