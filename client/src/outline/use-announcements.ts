/**
 * What the outline's live region says: notes others add, and confirmations of my own actions.
 * My own new notes are said once, as "added", not again as someone's new note. Rounds, the
 * lock, silent writing, the phase and a restore are the WorkshopAnnouncer's to say, in the
 * canvas view too.
 */
import { useCallback, useEffect, useRef } from 'react';
import { type Item, itemLabel } from '../../../shared/board-document.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useT } from '../i18n/i18n.tsx';

const SAID_TYPES = new Set(['note', 'text', 'concept']);

/**
 * How long after a reveal or a restore the items they bring are not said here: the
 * WorkshopAnnouncer says the reveal or the restore itself, and a screen reader heard both.
 */
const SAID_ELSEWHERE_MS = 3_000;

export function useAnnouncements(
  items: Item[],
  /** When the board last had news the WorkshopAnnouncer says (a reveal, a restore), if ever. */
  boardNewsAt: number | null,
): [string, (message: string, ownItemId?: string) => void] {
  const t = useT();
  const [message, say] = useLiveMessage();
  const newsAt = useRef(boardNewsAt);
  newsAt.current = boardNewsAt;
  const known = useRef<Set<string> | null>(null);
  const mine = useRef(new Set<string>());

  const announce = useCallback(
    (text: string, ownItemId?: string) => {
      if (ownItemId) mine.current.add(ownItemId);
      say(text);
    },
    [say],
  );

  // A reveal or a restore arrives as several updates in a row: gather them briefly and say
  // "3 new items" once, rather than a burst that cuts itself off.
  const pending = useRef<Item[]>([]);
  const flush = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (flush.current) clearTimeout(flush.current);
    },
    [],
  );
  useEffect(() => {
    const ids = new Set(items.map((item) => item.id));
    if (known.current) {
      const fresh = items.filter(
        (item) =>
          !known.current?.has(item.id) && !mine.current.has(item.id) && SAID_TYPES.has(item.type),
      );
      if (fresh.length > 0) {
        pending.current.push(...fresh);
        if (flush.current) clearTimeout(flush.current);
        flush.current = setTimeout(() => {
          const batch = pending.current;
          pending.current = [];
          // The items a reveal or a restore brings: said once already, as that news (QA).
          const news = newsAt.current;
          if (news !== null && Date.now() - news < SAID_ELSEWHERE_MS) return;
          const [first] = batch;
          if (batch.length === 1 && first) {
            announce(
              t.outline.announceNew(t.outline.types[first.type] ?? first.type, itemLabel(first)),
            );
          } else if (batch.length > 1) {
            announce(t.outline.announceNewMany(batch.length));
          }
        }, 300);
      }
    }
    known.current = ids;
  }, [items, announce, t]);

  return [message, announce];
}
