/** Voting as a member sees it: the open round, my votes, and every closed round's ranking. */
import { useEffect, useState } from 'react';
import { itemLabel } from '../../../shared/board-document.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { useDateFormat } from './format.ts';
import { RoundResults } from './RoundResults.tsx';
import { formatDuration } from './timer-signal.ts';
import { useItems } from './use-items.ts';
import { openRoundOf, useWorkshop } from './use-workshop.ts';

/**
 * When a timed round closes (the server closes it itself), and how long is left by the
 * server's clock: a participant plans their last votes by it, as the facilitator does.
 */
function ClosesAt(props: { closesAt: string; durationSec: number | null; offsetMs: number }) {
  const { closesAt, durationSec, offsetMs } = props;
  const t = useT();
  const format = useDateFormat();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const interval = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(interval);
  }, []);
  // The offset is measured a network trip late: never show more time than the round has.
  const left = Math.min(
    Date.parse(closesAt) - (now + offsetMs),
    (durationSec ?? Number.POSITIVE_INFINITY) * 1000,
  );
  return (
    <p className="wk-muted" data-testid="round-closes-at">
      {t.workshop.closesAt(format.soon(closesAt))}
      {left > 0 && ` · ${t.workshop.timeLeft(formatDuration(left))}`}
    </p>
  );
}

function OpenRound() {
  const t = useT();
  const session = useBoardSession();
  const items = useItems(session.doc);
  const [state, store] = useWorkshop();
  const open = openRoundOf(state);
  if (!open) {
    return (
      <section className="wk-section" aria-labelledby="wk-open-h">
        <h2 id="wk-open-h">{t.workshop.tabs.voting}</h2>
        <p className="wk-muted">{t.workshop.noOpenRound}</p>
      </section>
    );
  }
  const { round } = open;
  const mine = Object.entries(open.myVotes).filter(([, count]) => count > 0);
  const canVote = session.me.role !== 'viewer';
  return (
    <section className="wk-section" aria-labelledby="wk-open-h" data-testid="open-round">
      {/* My votes left are in the banner right above the tabs (WorkshopBanner), not again here. */}
      <h2 id="wk-open-h">{round.title}</h2>
      {round.closesAt && (
        <ClosesAt
          closesAt={round.closesAt}
          durationSec={round.durationSec}
          offsetMs={state.clockOffsetMs}
        />
      )}
      <p className="wk-muted">{t.workshop.voters(round.voters)}</p>
      {round.anonymous && <p className="wk-muted">{t.workshop.anonymousRound}</p>}
      {canVote && (
        <>
          <p className="wk-hint">{t.workshop.howToVote}</p>
          <h3>{t.workshop.myVotes}</h3>
          {mine.length === 0 ? (
            <p className="wk-muted">{t.workshop.noVotesYet}</p>
          ) : (
            <ul className="wk-my-votes">
              {mine.map(([itemId, count]) => {
                const label =
                  itemLabel(items.find((item) => item.id === itemId)) || t.workshop.untitledItem;
                return (
                  <li key={itemId}>
                    <span className="wk-dots" aria-hidden="true">
                      {'●'.repeat(count)}
                    </span>{' '}
                    <span>{label}</span>{' '}
                    <span className="visually-hidden">{t.workshop.myVotesOnItem(count)}</span>
                    <button
                      type="button"
                      className="wk-small"
                      aria-label={t.workshop.retractVote(label)}
                      onClick={() => store.retract(round.id, itemId)}
                    >
                      −
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function VotingPanel() {
  return (
    <div className="wk-voting" data-testid="voting-panel">
      <OpenRound />
      <RoundResults />
    </div>
  );
}
