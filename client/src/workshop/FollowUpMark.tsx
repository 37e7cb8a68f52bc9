/**
 * The follow-up mark in an item's overlay foot: a button named with the count it shows and who
 * owns them, which opens a short list of the item's follow-ups (title, owner, status, due date).
 * A title on a hover was all there was, and a phone has no hover (QA).
 */
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { FollowUp } from '../../../shared/follow-through.ts';
import { useT } from '../i18n/i18n.tsx';
import { FitWords, FollowUpIcon } from './FitWords.tsx';
import { useDateFormat } from './format.ts';
import { Modal } from './Modal.tsx';
import { daysOverdue, localToday } from './overdue.ts';
import { ownerName } from './owner-name.ts';

/** The canvas drags and selects on pointer down: a press on the mark is the mark's alone. */
const keepFromCanvas = (event: SyntheticEvent) => event.stopPropagation();

export function FollowUpMark({ followUps, label }: { followUps: FollowUp[]; label: string }) {
  const t = useT();
  const day = useDateFormat().day;
  const [open, setOpen] = useState(false);
  const owners = [...new Set(followUps.map((followUp) => ownerName(followUp.owner, t)))];
  const name = t.workshop.followUpMark(followUps.length, owners);
  const today = localToday();
  return (
    <>
      <button
        type="button"
        className="wk-fu-mark"
        aria-label={name}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={name}
        onPointerDown={keepFromCanvas}
        onDoubleClick={keepFromCanvas}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {/* Where the foot is short, a flag and the count: its name says the rest. */}
        <FitWords
          words={t.workshop.followUpCount(followUps.length)}
          shorter={[
            <>
              <FollowUpIcon />
              {followUps.length}
            </>,
          ]}
        />
      </button>
      {open && (
        <Modal title={t.workshop.followUpsOn(label)} onClose={() => setOpen(false)}>
          <ul className="wk-fu-list" data-followups-of-item>
            {followUps.map((followUp) => {
              const overdue = daysOverdue(followUp, today);
              return (
                <li key={followUp.id} data-followup-id={followUp.id}>
                  <strong>{followUp.title}</strong>
                  <dl>
                    <dt>{t.workshop.owner}</dt>
                    <dd>{ownerName(followUp.owner, t)}</dd>
                    <dt>{t.workshop.status}</dt>
                    <dd>{t.workshop.statuses[followUp.status] ?? followUp.status}</dd>
                    {followUp.due && (
                      <>
                        <dt>{t.workshop.due}</dt>
                        <dd>
                          {day(followUp.due)}
                          {overdue > 0 && (
                            <span className="wk-overdue"> ({t.workshop.overdue(overdue)})</span>
                          )}
                        </dd>
                      </>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
        </Modal>
      )}
    </>
  );
}
