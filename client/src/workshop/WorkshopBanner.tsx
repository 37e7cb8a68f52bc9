/**
 * What everyone on the board sees at a glance: the phase, the shared timer, lock and silent
 * writing, and my remaining votes while a round is open.
 */
// Its own styles, not only the lazily loaded panels': above the canvas it shows from the
// start, and the status row must have its height before the canvas's first fit.
import './workshop.css';
import { useEffect, useRef, useState } from 'react';
import type { TimerState } from '../../../shared/facilitation.ts';
import { useBoardSession } from '../board/board-session.ts';
import { usePanelsOpen } from '../board/panels-context.ts';
import { StatusWords } from '../board/StatusWords.tsx';
import { useT } from '../i18n/i18n.tsx';
import { restoredSentence } from './board-news.ts';
import { formatDuration, playChime } from './timer-signal.ts';
import { useBusy } from './use-busy.ts';
import { useTimeLeft } from './use-time-left.ts';
import { openRoundOf, useWorkshop } from './use-workshop.ts';
import type { Restored } from './workshop-state.ts';

function SharedTimer(props: { timer: TimerState; offsetMs: number; testId: boolean }) {
  const { timer, offsetMs } = props;
  const t = useT();
  const [pulsing, setPulsing] = useState(false);
  const previous = useRef<number | null>(null);
  const left = useTimeLeft(timer, offsetMs);
  useEffect(() => {
    // Signal only when I watched it reach zero, not when I join a board whose timer ran out.
    if (previous.current !== null && previous.current > 0 && left !== null && left <= 0) {
      setPulsing(true);
      playChime();
    }
    if (left !== null && left > 0) setPulsing(false);
    previous.current = left;
  }, [left]);
  if (left === null) return null;
  const done = left <= 0;
  return (
    <div
      className={`wk-timer${pulsing ? ' wk-pulse' : ''}`}
      data-testid={props.testId ? 'shared-timer' : undefined}
    >
      <span className="wk-label">{t.workshop.timerLabel}</span>
      <span className="wk-timer-value">{done ? t.workshop.timeUp : formatDuration(left)}</span>
      {timer.status === 'paused' && <span className="wk-muted"> ({t.workshop.timerPaused})</span>}
      <span className="visually-hidden" role="status">
        {done ? t.workshop.timeUp : ''}
      </span>
    </div>
  );
}

/** How long the board says it was restored: long enough to read, then it is old news. */
const RESTORED_NOTICE_MS = 15_000;

/** "The board was restored": otherwise others' later work simply vanishes without a word. */
function RestoredNotice({ restored }: { restored: Restored }) {
  const { at, undoSnapshotId } = restored;
  const t = useT();
  const { me } = useBoardSession();
  const [, store] = useWorkshop();
  const [busy, run] = useBusy();
  const [fresh, setFresh] = useState(() => Date.now() - at < RESTORED_NOTICE_MS);
  useEffect(() => {
    const left = RESTORED_NOTICE_MS - (Date.now() - at);
    setFresh(left > 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setFresh(false), left);
    return () => clearTimeout(timer);
  }, [at]);
  if (!fresh) return null;
  return (
    <p className="wk-notice" data-testid="restored-notice">
      {restoredSentence(t, restored, me.id)}
      {/* The way back at hand: a co-facilitator may have revealed notes a moment before. */}
      {me.role === 'facilitator' && undoSnapshotId && (
        <>
          {' '}
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => run(() => store.restoreSnapshot(undoSnapshotId))}
          >
            {t.workshop.undoRestore}
          </button>
        </>
      )}
    </p>
  );
}

const TEST_IDS = { panels: 'workshop-banner', outline: 'outline-banner', canvas: 'canvas-banner' };

/**
 * `panels` in the side panels; `outline` at the top of the outline, and `canvas` above the board
 * while the side panels are closed (a phone, a tablet), so the timer, the phase and my votes
 * left are always in sight: only the panels' copy carries the timer's and budget's test ids.
 * Lock and silent writing are told by one copy only, the one in sight: the panels' while they
 * are open, else the canvas's or the outline's.
 */
export function WorkshopBanner({
  placement = 'panels',
}: {
  placement?: 'panels' | 'outline' | 'canvas';
}) {
  const inPanels = placement === 'panels';
  const t = useT();
  const session = useBoardSession();
  const [state] = useWorkshop();
  const board = state.boardState;
  const open = openRoundOf(state);
  const role = session.me.role;
  const canVote = role !== 'viewer';
  const inSight = inPanels === usePanelsOpen();
  const phase = board?.phase;
  return (
    <div className={`wk-banner wk-banner-${placement}`} data-testid={TEST_IDS[placement]}>
      {phase && (
        <div className="wk-phase">
          <span className="wk-label">{t.workshop.phaseLabel}</span>
          <strong>{t.workshop.phases[phase] ?? phase}</strong>
        </div>
      )}
      {board && (
        <SharedTimer timer={board.timer} offsetMs={state.clockOffsetMs} testId={inPanels} />
      )}
      {/* A viewer's board is read-only anyway: the board page says so. */}
      {inSight && board?.locked && role !== 'viewer' && (
        <p className="wk-notice" data-testid={role === 'participant' ? 'locked-banner' : undefined}>
          {role === 'participant' ? (
            <StatusWords words={t.app.lockedBanner} brief={t.app.lockedBrief} />
          ) : (
            <StatusWords words={t.workshop.locked} brief={t.workshop.lockedBrief} />
          )}
        </p>
      )}
      {inSight && board?.silentWriting && (
        <p
          className="wk-notice wk-notice-silent"
          data-testid={role === 'participant' ? 'silent-writing-banner' : undefined}
        >
          {role === 'participant' ? (
            <StatusWords words={t.app.silentWritingBanner} brief={t.app.silentWritingBrief} />
          ) : (
            <StatusWords
              words={t.workshop.silentWritingFacilitator}
              brief={t.workshop.silentWritingFacilitatorBrief}
            />
          )}
        </p>
      )}
      {inSight && state.restored !== null && <RestoredNotice restored={state.restored} />}
      {/* The one copy of my votes left in the panels, and above the canvas while they are closed:
          spoken as it changes there (the outline tells its own votes). */}
      {open && canVote && (
        <p
          className="wk-budget"
          data-testid={inPanels ? 'votes-left' : undefined}
          aria-live={placement === 'outline' ? undefined : 'polite'}
        >
          <strong>{open.round.title}</strong>{' '}
          {t.workshop.votesLeft(open.remaining, open.round.budget)}
        </p>
      )}
    </div>
  );
}
