/**
 * Tells screen readers when a voting round opens or closes (with the top of its ranking), in
 * the canvas and the outline alike. The side panels mount it, but it lives in <body>: on a
 * narrower screen the panels are hidden, and a live region inside them would say nothing.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { itemLabel, readItems } from '../../../shared/board-document.ts';
import type { RoundView } from '../../../shared/facilitation.ts';
import { useLiveMessage } from '../app/use-live-message.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useWorkshop } from './use-workshop.ts';

export function RoundAnnouncer() {
  const t = useT();
  const session = useBoardSession();
  const [state] = useWorkshop();
  const [message, say] = useLiveMessage();
  const seen = useRef<Map<string, RoundView['round']['status']> | null>(null);

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

  return createPortal(
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="round-live">
      {message}
    </div>,
    document.body,
  );
}
