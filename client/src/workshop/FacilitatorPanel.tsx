/**
 * The facilitator's controls: voting round, silent writing, lock, shared timer, phase and
 * "bring everyone to me". Everything goes through the server, which checks the role again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { PHASES } from '../../../shared/constants.ts';
import { useFocusSuccessor } from '../app/focus-successor.ts';
import { useBoardSession } from '../board/board-session.ts';
import type { PresenceState } from '../board/presence.ts';
import { useT } from '../i18n/i18n.tsx';
import { BoardLanguage } from './BoardLanguage.tsx';
import { BoardMembers } from './BoardMembers.tsx';
import { DeleteBoard } from './DeleteBoard.tsx';
import { DeliberateSelect } from './DeliberateSelect.tsx';
import { FacilitationNotice } from './FacilitationNotice.tsx';
import { RenameBoard } from './RenameBoard.tsx';
import { RoleLinks } from './RoleLinks.tsx';
import { RoundControls } from './RoundControls.tsx';
import { formatDuration } from './timer-signal.ts';
import { useTimeLeft } from './use-time-left.ts';
import { useWorkshop } from './use-workshop.ts';

function SilentWritingControls() {
  const t = useT();
  const [state, store] = useWorkshop();
  const running = state.boardState?.silentWriting ?? false;
  const section = useRef<HTMLElement>(null);
  // How far the writing has come, to judge when to reveal (QA): asked as it starts or as the
  // panel opens, then told as it changes.
  useEffect(() => {
    if (running) void store.loadSilentProgress();
  }, [running, store]);
  const progress = running ? state.silentProgress : null;
  // Starting and revealing swap the buttons: the focus goes to the first of those that came.
  const handOver = useFocusSuccessor(() => section.current?.querySelector('button'));
  return (
    <section ref={section} className="wk-section" aria-labelledby="wk-silent-h">
      <h3 id="wk-silent-h">{t.workshop.silentSection}</h3>
      {progress && (
        <p className="wk-muted" data-testid="silent-progress">
          {t.workshop.silentProgress(progress.writers, progress.notes)}
        </p>
      )}
      {running ? (
        // Without names first and foremost: a reveal cannot be taken back, and one with names
        // clicked by mistake put everyone's name in the exports for good (QA).
        <div ref={handOver} className="wk-row">
          <button type="button" className="wk-primary" onClick={() => store.controls.reveal(true)}>
            {t.workshop.revealAnonymously}
          </button>
          <button type="button" onClick={() => store.controls.reveal(false)}>
            {t.workshop.revealWithNames}
          </button>
        </div>
      ) : (
        <button ref={handOver} type="button" onClick={() => store.controls.startSilentWriting()}>
          {t.workshop.startSilent}
        </button>
      )}
      <FacilitationNotice control="silent" />
      <ShowNames />
    </section>
  );
}

/**
 * Whether the board shows who wrote each note. Ticked at once, as asked, until the server
 * answers: held to the board's state alone, the box did not change under a click on a slow
 * connection, and looked broken.
 */
function ShowNames() {
  const t = useT();
  const [state, store] = useWorkshop();
  const [asked, setAsked] = useState<boolean | null>(null);
  return (
    <>
      <label className="wk-check">
        <input
          type="checkbox"
          checked={asked ?? state.boardState?.showNames ?? false}
          onChange={(event) => {
            const shown = event.target.checked;
            setAsked(shown);
            // Answered, the board's state says it; refused, it says what it still is.
            void store.setShowNames(shown).finally(() => setAsked(null));
          }}
          aria-describedby="wk-names-hint"
        />
        {t.workshop.showNames}
      </label>
      <p id="wk-names-hint" className="wk-muted">
        {t.workshop.showNamesHint}
      </p>
    </>
  );
}

function TimerControls() {
  const t = useT();
  const [state, store] = useWorkshop();
  const [minutes, setMinutes] = useState('5');
  const timer = state.boardState?.timer ?? { status: 'idle' };
  const startButton = useRef<HTMLButtonElement>(null);
  // Pause and Reset go when the timer stops (reset here, or run out): the focus goes to Start.
  const handOver = useFocusSuccessor(() => startButton.current);
  const start = () => {
    const value = Number.parseFloat(minutes);
    if (!Number.isFinite(value) || value <= 0) return;
    void store.controls.startTimer(Math.max(1, Math.round(value * 60)));
  };
  return (
    <section className="wk-section" aria-labelledby="wk-timer-h">
      <h3 id="wk-timer-h">{t.workshop.timerSection}</h3>
      <div className="wk-row">
        <label>
          {t.workshop.minutes}
          <input
            type="number"
            min={0.1}
            max={1440}
            step="any"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            className="wk-narrow"
          />
        </label>
        <button ref={startButton} type="button" onClick={start}>
          {t.workshop.startTimer}
        </button>
        {/* One button that pauses and resumes, as the lock's locks and unlocks: the focus stays.
            A click acts as the button read when the facilitator clicked (seen-controls.ts). */}
        {timer.status !== 'idle' && (
          <button ref={handOver} type="button" onClick={() => store.controls.togglePause()}>
            {timer.status === 'running' ? t.workshop.pauseTimer : t.workshop.resumeTimer}
          </button>
        )}
        {timer.status !== 'idle' && (
          <button
            ref={handOver}
            type="button"
            onClick={() => store.controls.timer({ action: 'reset' })}
          >
            {t.workshop.resetTimer}
          </button>
        )}
      </div>
      <TimeLeft />
      <FacilitationNotice control="timer" />
    </section>
  );
}

/**
 * The time left, by the controls that set it: the banner that counts down is at the panel's
 * top, out of sight once the facilitator has scrolled down to the timer (QA). Not a live
 * region: the banner already says when time is up.
 */
function TimeLeft() {
  const t = useT();
  const [state] = useWorkshop();
  const timer = state.boardState?.timer ?? { status: 'idle' };
  const left = useTimeLeft(timer, state.clockOffsetMs);
  if (left === null) return null;
  const time = formatDuration(left);
  return (
    <p className="wk-muted" data-testid="timer-controls-left">
      {left <= 0
        ? t.workshop.timeUp
        : timer.status === 'paused'
          ? t.workshop.timeLeftPaused(time)
          : t.workshop.timeLeft(time)}
    </p>
  );
}

function PhaseControls() {
  const t = useT();
  const [state, store] = useWorkshop();
  const phase = state.boardState?.phase ?? '';
  const id = useId();
  return (
    <section className="wk-section" aria-labelledby="wk-phase-h">
      <h3 id="wk-phase-h">{t.workshop.phaseSection}</h3>
      <label htmlFor={id}>
        {t.workshop.setPhase}
        {/* Everyone's banner shows the phase: browsing the list with the arrow keys sets none. */}
        <DeliberateSelect
          id={id}
          value={phase}
          onCommit={(value) => void store.setPhase(value === '' ? null : value)}
        >
          <option value="">{t.workshop.noPhase}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t.workshop.phases[p] ?? p}
            </option>
          ))}
          {phase && !(PHASES as readonly string[]).includes(phase) && (
            <option value={phase}>{phase}</option>
          )}
        </DeliberateSelect>
      </label>
    </section>
  );
}

export function FacilitatorPanel() {
  const t = useT();
  const session = useBoardSession();
  const [state, store] = useWorkshop();
  const locked = state.boardState?.locked ?? false;
  const summon = () => {
    const mine = session.awareness.getLocalState() as Partial<PresenceState> | null;
    void store.summon(mine?.viewport ?? { x: 0, y: 0, zoom: 1 });
  };
  return (
    <div className="wk-facilitator" data-testid="facilitator-panel">
      <h2 className="visually-hidden">{t.workshop.facilitation}</h2>
      <RoundControls />
      <SilentWritingControls />
      <section className="wk-section" aria-labelledby="wk-lock-h">
        <h3 id="wk-lock-h">{t.workshop.lockSection}</h3>
        <button type="button" onClick={() => store.controls.toggleLock()}>
          {locked ? t.workshop.unlockBoard : t.workshop.lockBoard}
        </button>
        <FacilitationNotice control="lock" />
      </section>
      <TimerControls />
      <PhaseControls />
      <section className="wk-section">
        <button type="button" onClick={summon} aria-describedby="wk-summon-hint">
          {t.workshop.summon}
        </button>
        <p id="wk-summon-hint" className="wk-muted">
          {t.workshop.summonHint}
        </p>
      </section>
      <RenameBoard />
      <BoardLanguage />
      <BoardMembers />
      <RoleLinks />
      <DeleteBoard />
    </div>
  );
}
