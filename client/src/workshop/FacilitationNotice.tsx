/**
 * Another facilitator's change that met my click (the click taken as done, or a reveal refused
 * as theirs came first), or their timer in place of mine: said under the control it concerns,
 * where the facilitator is looking (QA: a refusal at the panel's top was scrolled out of view,
 * and said nothing of the other's choice).
 */
import type { Catalogue } from '../i18n/en/index.ts';
import { useT } from '../i18n/i18n.tsx';
import type { Control } from './seen-controls.ts';
import { formatDuration } from './timer-signal.ts';
import { useWorkshop } from './use-workshop.ts';
import type { FacilitationNotice as Notice } from './workshop-state.ts';

export function noticeSentence(t: Catalogue, notice: Notice): string {
  const w = t.workshop;
  const who = notice.by ?? w.anotherFacilitator;
  const { change } = notice;
  switch (change.control) {
    case 'lock':
      return change.locked ? w.lockedBefore(who) : w.unlockedBefore(who);
    case 'silent':
      return change.running ? w.silentStartedBefore(who) : w.revealedBefore(who, change.anonymous);
    case 'timer':
      switch (change.action) {
        case 'start': {
          const time = formatDuration(change.durationMs);
          return notice.replaced ? w.timerReplaced(who, time) : w.timerStartedBefore(who, time);
        }
        case 'pause':
          return w.pausedBefore(who);
        case 'resume':
          return w.resumedBefore(who);
        case 'reset':
          return w.resetBefore(who);
      }
  }
}

/** The notice about `control`, if any: a live region that is there, empty, without one. */
export function FacilitationNotice({ control }: { control: Control }) {
  const t = useT();
  const [state] = useWorkshop();
  const notice = state.notice?.change.control === control ? state.notice : null;
  return (
    <p role="status" className="wk-facilitator-notice" data-testid={`notice-${control}`}>
      {notice && noticeSentence(t, notice)}
    </p>
  );
}
