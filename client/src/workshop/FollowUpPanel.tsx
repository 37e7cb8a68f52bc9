/**
 * Every follow-up of the board, grouped by owner and then by status, editable in place and
 * updated live. Facilitators edit everything; an owner edits status and notes of their own.
 */
import { useCallback, useId } from 'react';
import { FOLLOW_UP_STATUSES } from '../../../shared/constants.ts';
import type { FollowUp, FollowUpStatus } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { itemLabel, useItems } from './use-items.ts';
import { type KnownMember, useKnownMembers } from './use-members.ts';
import { useWorkshop } from './use-workshop.ts';

function OwnerField(props: { followUp: FollowUp; members: KnownMember[] }) {
  const t = useT();
  const [, store] = useWorkshop();
  const { owner } = props.followUp;
  // A typed owner (no member id) stays choosable, so the select shows who it is now.
  const current = owner.memberId ?? '';
  return (
    <label>
      {t.workshop.owner}
      <select
        value={current}
        onChange={(event) => {
          if (event.target.value) {
            void store.updateFollowUp(props.followUp.id, {
              owner: { memberId: event.target.value },
            });
          }
        }}
      >
        {!owner.memberId && <option value="">{owner.name}</option>}
        {props.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Notes typed into a follow-up and not saved yet (they are saved on leaving the field). */
const notesDrafts = new Map<string, string>();

/**
 * A follow-up's notes. A status change moves the card to another group, where React mounts it
 * anew, and a change to the notes from elsewhere replaces the field: what is being typed and
 * the focus carry over, so an owner's own status change, or the facilitator's, landing while
 * they type loses nothing.
 */
function NotesField(props: {
  label: string;
  followUp: FollowUp;
  readOnly: boolean;
  onSave: (notes: string | null) => void;
}) {
  const { id, notes } = props.followUp;
  // Runs for every textarea mounted, the replacements included.
  const restoreDraft = useCallback(
    (area: HTMLTextAreaElement | null) => {
      const draft = notesDrafts.get(id);
      // A focused field that was removed leaves the focus on the page itself.
      if (draft === undefined || !area || document.activeElement !== document.body) return;
      area.focus();
      area.setSelectionRange(draft.length, draft.length);
    },
    [id],
  );
  return (
    <label>
      {props.label}
      <textarea
        ref={restoreDraft}
        key={`notes-${notes ?? ''}`}
        defaultValue={notesDrafts.get(id) ?? notes ?? ''}
        readOnly={props.readOnly}
        maxLength={5000}
        onChange={(event) => notesDrafts.set(id, event.target.value)}
        onBlur={(event) => {
          notesDrafts.delete(id);
          const typed = event.target.value.trim() || null;
          if (typed !== (notes ?? null)) props.onSave(typed);
        }}
      />
    </label>
  );
}

function FollowUpCard({
  followUp,
  label,
  members,
}: {
  followUp: FollowUp;
  label: string;
  members: KnownMember[];
}) {
  const t = useT();
  const session = useBoardSession();
  const [, store] = useWorkshop();
  const id = useId();
  const isFacilitator = session.me.role === 'facilitator';
  const isOwner = followUp.owner.memberId === session.me.id;
  const canEditProgress = isFacilitator || isOwner;
  const update = store.updateFollowUp.bind(store, followUp.id);
  return (
    <li className="wk-followup" data-followup-id={followUp.id} aria-labelledby={`${id}-t`}>
      {isFacilitator ? (
        <input
          key={`title-${followUp.title}`}
          id={`${id}-t`}
          className="wk-followup-title"
          aria-label={t.workshop.fuTitle}
          defaultValue={followUp.title}
          maxLength={300}
          onBlur={(event) => {
            const title = event.target.value.trim();
            if (title && title !== followUp.title) void update({ title });
          }}
        />
      ) : (
        <strong id={`${id}-t`} className="wk-followup-title">
          {followUp.title}
        </strong>
      )}
      <p className="wk-muted">{t.workshop.onItem(label)}</p>
      <div className="wk-row">
        {isFacilitator && <OwnerField followUp={followUp} members={members} />}
        <label>
          {t.workshop.status}
          <select
            value={followUp.status}
            disabled={!canEditProgress}
            onChange={(event) => update({ status: event.target.value as FollowUpStatus })}
          >
            {FOLLOW_UP_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.workshop.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.workshop.due}
          <input
            key={`due-${followUp.due ?? ''}`}
            type="date"
            defaultValue={followUp.due ?? ''}
            disabled={!isFacilitator}
            onBlur={(event) => {
              const due = event.target.value || null;
              if (due !== (followUp.due ?? null)) void update({ due });
            }}
          />
        </label>
      </div>
      {followUp.owner.email && <p className="wk-muted">{followUp.owner.email}</p>}
      <NotesField
        label={t.workshop.notes}
        followUp={followUp}
        readOnly={!canEditProgress}
        onSave={(notes) => void update({ notes })}
      />
      {isFacilitator && (
        <button
          type="button"
          className="wk-small wk-danger"
          onClick={() => store.deleteFollowUp(followUp.id)}
        >
          {t.workshop.deleteFollowUp}
        </button>
      )}
    </li>
  );
}

export function FollowUpPanel() {
  const t = useT();
  const session = useBoardSession();
  const items = useItems(session.doc);
  const [state] = useWorkshop();
  const members = useKnownMembers(session, session.me.role === 'facilitator');
  const byOwner = new Map<string, FollowUp[]>();
  for (const followUp of state.followUps) {
    const owner = followUp.owner.name || t.workshop.unknownOwner;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), followUp]);
  }
  const owners = Array.from(byOwner.keys()).sort((a, b) => a.localeCompare(b));
  return (
    <section className="wk-section" aria-labelledby="wk-fu-h" data-testid="followup-panel">
      <h2 id="wk-fu-h">{t.workshop.followUpsSection}</h2>
      {owners.length === 0 && <p className="wk-muted">{t.workshop.noFollowUps}</p>}
      {owners.map((owner) => (
        <section key={owner} className="wk-owner" aria-label={owner}>
          <h3>{owner}</h3>
          {FOLLOW_UP_STATUSES.map((status) => {
            const group = (byOwner.get(owner) ?? []).filter((f) => f.status === status);
            if (group.length === 0) return null;
            return (
              <div key={status} className={`wk-status-group wk-status-${status}`}>
                <h4>{t.workshop.statuses[status]}</h4>
                <ul>
                  {group.map((followUp) => (
                    <FollowUpCard
                      key={followUp.id}
                      followUp={followUp}
                      members={members}
                      label={
                        itemLabel(items.find((item) => item.id === followUp.itemId)) ||
                        t.workshop.deletedItem
                      }
                    />
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}
