/** The Follow-ups tab's count of follow-ups given to me (assigned-to-me.ts) until I open it. */
import { useEffect, useRef, useState } from 'react';
import { useWorkshopView } from './use-workshop.ts';
import type { WorkshopState } from './workshop-state.ts';

const givenToMe = (state: WorkshopState) => state.givenToMe;

/** How many follow-ups were given to me since I last had the Follow-ups tab open. */
export function useUnseenMine(tabOpen: boolean): number {
  const given = useWorkshopView(givenToMe, Object.is);
  // What the store told before the tab was here is not news to it.
  const counted = useRef(given);
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (given === counted.current) return;
    counted.current = given;
    if (!tabOpen) setUnseen((before) => new Set([...before, ...given.map((f) => f.id)]));
  }, [given, tabOpen]);
  useEffect(() => {
    if (tabOpen) setUnseen(new Set());
  }, [tabOpen]);
  return unseen.size;
}
