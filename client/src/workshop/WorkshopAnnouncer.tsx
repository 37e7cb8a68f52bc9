/**
 * Tells screen readers what changes for everyone on the board: a voting round opening or
 * closing (with the top of its ranking), the board locked or unlocked, silent writing starting
 * or revealed, the phase, a restore, a new title. Once per change, and nothing for the state a
 * page finds on opening. The side panels mount it, but it lives in <body>: on a narrower screen
 * the panels are hidden, and a live region inside them would say nothing. The banners show the
 * same news (the header the title); they are not live themselves, so each change is spoken
 * once, from here.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { itemLabel, readItems } from '../../../shared/board-document.ts';
import type { BoardState, RoundView } from '../../../shared/facilitation.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { boardNews, newsSentence, restoredSentence } from './board-news.ts';
import { useWorkshop } from './use-workshop.ts';

export function WorkshopAnnouncer() {
  const t = useT();
  const session = useBoardSession();
  const [state] = useWorkshop();
  const [message, say] = useLiveMessage();
  const seen = useRef<Map<string, RoundView['round']['status']> | null>(null);
  const seenState = useRef<BoardState | null>(null);
  const seenRestore = useRef(state.restored);
  const seenTitle = useRef(state.title);
  const seenGiven = useRef(state.givenToMe);

  useEffect(() => {
    const before = seen.current;
    seen.current = new Map(state.rounds.map((view) => [view.round.id, view.round.status]));
    if (!before) return;
    for (const view of state.rounds) {
      const previous = before.get(view.round.id);
      if (view.round.status === 'open' && previous === undefined) {
        const budget = session.me.role === 'viewer' ? null : view.round.budget;
        say(t.outline.announceRoundOpened(view.round.title, budget));
      }
      if (view.round.status === 'closed' && previous === 'open') {
        // Read only now, not on every change of the board: rounds close seldom.
        const items = readItems(session.doc);
        const ranking = (view.results ?? [])
          .slice(0, 5)
          .map((result) =>
            t.outline.announceRanking(
              result.rank,
              itemLabel(items.find((item) => item.id === result.itemId)) || t.outline.emptyText,
              result.votes,
            ),
          )
          .join(' ');
        say(t.outline.announceRoundClosed(view.round.title, ranking || t.outline.announceNoVotes));
      }
    }
  }, [state.rounds, session.doc, session.me.role, t, say]);

  useEffect(() => {
    const news = boardNews(seenState.current, state.boardState);
    seenState.current = state.boardState;
    // Said together: two changes at once (a lock with a phase) must not cut each other off.
    const words = news.flatMap((change) => newsSentence(t, change, session.me.role) ?? []);
    if (words.length > 0) say(words.join(' '));
  }, [state.boardState, session.me.role, t, say]);

  useEffect(() => {
    const restored = state.restored;
    if (restored === seenRestore.current) return;
    seenRestore.current = restored;
    if (restored) say(restoredSentence(t, restored, session.me.id));
  }, [state.restored, session.me.id, t, say]);

  useEffect(() => {
    const given = state.givenToMe;
    if (given === seenGiven.current) return;
    seenGiven.current = given;
    say(given.map((followUp) => t.workshop.announceYourFollowUp(followUp.title)).join(' '));
  }, [state.givenToMe, t, say]);

  useEffect(() => {
    if (state.title === seenTitle.current) return;
    seenTitle.current = state.title;
    say(t.workshop.announceRenamed(state.title));
  }, [state.title, t, say]);

  return createPortal(
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="workshop-live">
      {message}
    </div>,
    document.body,
  );
}
