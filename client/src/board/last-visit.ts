/**
 * What is new since I last had this board open: a weekly network's board remembers everything,
 * and those who come back found nothing telling this week's notes from last week's (QA). This
 * browser keeps, per board, when I was last on it; items others made after that are marked new
 * (on the canvas and in the outline) until the visit ends. A reload within SAME_VISIT_MS is the
 * same visit, and keeps the marks; a first visit marks nothing, as everything would be new.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Item } from '../../../shared/board-document.ts';
import { readStored, writeStored } from '../app/storage.ts';
import { serverNow } from '../sync/server-clock.ts';

/** A break shorter than this (a reload, a dropped laptop lid) does not start a new visit. */
export const SAME_VISIT_MS = 30 * 60_000;
/** How often an open board notes that I am still on it (and when the page is left). */
const STILL_HERE_MS = 60_000;

interface StoredVisit {
  /** What this visit marks as new from: the end of the visit before, or null on a first. */
  since: number | null;
  /** When I was last seen on the board, by the server's clock. */
  seenAt: number;
}

const visitKey = (boardId: string) => `ideamill.visit.${boardId}`;

function readVisit(boardId: string): StoredVisit | null {
  try {
    const value = JSON.parse(readStored(visitKey(boardId)) ?? 'null') as Partial<StoredVisit>;
    if (typeof value?.seenAt !== 'number') return null;
    return { since: typeof value.since === 'number' ? value.since : null, seenAt: value.seenAt };
  } catch {
    return null;
  }
}

/**
 * Starts (or goes on with) a visit to the board at `now`: the time items made after are new, or
 * null where nothing is (a first visit).
 */
export function startVisit(boardId: string, now: number): number | null {
  const before = readVisit(boardId);
  const since = !before ? null : now - before.seenAt < SAME_VISIT_MS ? before.since : before.seenAt;
  writeStored(visitKey(boardId), JSON.stringify({ since, seenAt: now } satisfies StoredVisit));
  return since;
}

/** Notes that I am on the board at `now`, keeping what this visit marks from. */
export function stillHere(boardId: string, now: number): void {
  const visit = readVisit(boardId);
  if (!visit) return;
  writeStored(visitKey(boardId), JSON.stringify({ ...visit, seenAt: now }));
}

/** When I was last on the board in this browser (the server's clock, ms), or null. */
export function lastSeen(boardId: string): number | null {
  return readVisit(boardId)?.seenAt ?? null;
}

/** This browser forgets the board (leaving it on this device): its visits too. */
export function forgetVisits(boardId: string): void {
  writeStored(visitKey(boardId), null);
}

/** Whether `item` is new to me: made by someone else after `since`. */
export function isNewTo(
  item: Pick<Item, 'createdAt' | 'author'>,
  since: number | null,
  me: string,
): boolean {
  return since !== null && item.createdAt > since && item.author !== me;
}

/** What this visit marks new from (see startVisit); null marks nothing. */
export const LastVisitContext = createContext<number | null>(null);

export const useNewSince = (): number | null => useContext(LastVisitContext);

/** Starts the visit to `boardId` once, and notes every minute and on leaving that I am here. */
export function useVisit(boardId: string): number | null {
  const [since] = useState(() => startVisit(boardId, serverNow()));
  useEffect(() => {
    const here = () => stillHere(boardId, serverNow());
    const timer = window.setInterval(here, STILL_HERE_MS);
    window.addEventListener('pagehide', here);
    return () => {
      here();
      window.clearInterval(timer);
      window.removeEventListener('pagehide', here);
    };
  }, [boardId]);
  return since;
}
