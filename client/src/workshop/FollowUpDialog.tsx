/** Assigning a follow-up to an item: owner (a member or a typed name), due date, status, notes. */
import { type FormEvent, useEffect, useState } from 'react';
import { FOLLOW_UP_STATUSES } from '../../../shared/constants.ts';
import type { CreateFollowUpBody, FollowUpStatus } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { errorSentence } from '../i18n/error-sentence.ts';
import { useT } from '../i18n/i18n.tsx';
import { withCentury } from './format.ts';
import { MemberOptions } from './MemberOptions.tsx';
import { Modal } from './Modal.tsx';
import { typedOwner } from './owner-name.ts';
import { useKnownMembers } from './use-members.ts';
import { useWorkshop } from './use-workshop.ts';

export function FollowUpDialog(props: { itemId: string; itemLabel: string; onClose: () => void }) {
  const t = useT();
  const session = useBoardSession();
  const [state, store] = useWorkshop();
  const members = useKnownMembers(session, true);
  const [title, setTitle] = useState(props.itemLabel);
  const [ownerMode, setOwnerMode] = useState<'member' | 'typed'>('member');
  const [memberId, setMemberId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [due, setDue] = useState('');
  const [status, setStatus] = useState<FollowUpStatus>('open');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  // An older refusal from elsewhere is not this form's: start clean.
  useEffect(() => store.clearError(), [store]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Nobody chosen is nobody: clicking straight through once made the facilitator the owner
    // of every follow-up they assigned (QA), as it had from a round's results.
    const owner: CreateFollowUpBody['owner'] =
      ownerMode === 'typed' ? typedOwner(name, email) : memberId ? { memberId } : null;
    const body: CreateFollowUpBody = { itemId: props.itemId, owner, status };
    if (title.trim()) body.title = title.trim();
    if (due) body.due = withCentury(due);
    if (notes.trim()) body.notes = notes.trim();
    setBusy(true);
    const created = await store.createFollowUp(body);
    setBusy(false);
    if (created) props.onClose();
  };

  return (
    <Modal
      title={t.workshop.followUpFor(props.itemLabel || t.workshop.untitledItem)}
      onClose={props.onClose}
    >
      <form className="wk-form" onSubmit={submit}>
        <label>
          {t.workshop.fuTitle}
          <input value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <fieldset>
          <legend>{t.workshop.owner}</legend>
          <label className="wk-check">
            <input
              type="radio"
              name="owner-mode"
              checked={ownerMode === 'member'}
              onChange={() => setOwnerMode('member')}
            />
            {t.workshop.ownerMember}
          </label>
          {ownerMode === 'member' && (
            <label>
              {t.workshop.pickMember}
              <select value={memberId} onChange={(event) => setMemberId(event.target.value)}>
                <option value="">{t.workshop.unknownOwner}</option>
                <MemberOptions members={members} />
              </select>
            </label>
          )}
          <label className="wk-check">
            <input
              type="radio"
              name="owner-mode"
              checked={ownerMode === 'typed'}
              onChange={() => setOwnerMode('typed')}
            />
            {t.workshop.ownerSomeoneElse}
          </label>
          {ownerMode === 'typed' && (
            <>
              <label>
                {t.workshop.ownerName}
                <input
                  required
                  maxLength={120}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              </label>
              <label>
                {t.workshop.ownerEmail}
                <input
                  type="email"
                  maxLength={254}
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              </label>
            </>
          )}
        </fieldset>
        <div className="wk-row">
          <label>
            {t.workshop.due}
            <input type="date" value={due} onChange={(event) => setDue(event.target.value)} />
          </label>
          <label>
            {t.workshop.status}
            <select
              value={status}
              onChange={(event) => setStatus(event.target.value as FollowUpStatus)}
            >
              {FOLLOW_UP_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t.workshop.statuses[value]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {t.workshop.notes}
          <textarea
            value={notes}
            maxLength={5000}
            onChange={(event) => setNotes(event.target.value)}
          />
        </label>
        {state.error && (
          <p role="alert" className="wk-error">
            {errorSentence(t, state.error)}
          </p>
        )}
        <div className="wk-row wk-actions">
          <button type="button" onClick={props.onClose}>
            {t.workshop.cancel}
          </button>
          <button type="submit" className="wk-primary" disabled={busy}>
            {t.workshop.createFollowUp}
          </button>
        </div>
      </form>
    </Modal>
  );
}
