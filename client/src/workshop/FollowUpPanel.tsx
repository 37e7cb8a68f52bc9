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

/** What is typed into a follow-up's fields and not saved yet (saved on leaving the field). */
const drafts = new Map<string, string>();

/**
 * One of a follow-up's typed fields (title, due date, notes). A status change moves the card to
 * another group, where React mounts it anew, and a change from elsewhere replaces the field:
 * what is being typed and the focus carry over, so a change landing from someone else while
 * one types loses nothing.
 */
function useDraft(
  followUpId: string,
  field: 'title' | 'due' | 'notes',
  saved: string,
  save: (typed: string) => void,
) {
  const draftKey = `${followUpId}:${field}`;
  // Runs for every field mounted, the replacements included.
  const restore = useCallback(
    (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      const draft = drafts.get(draftKey);
      // A focused field that was removed leaves the focus on the page itself.
      if (draft === undefined || !element || document.activeElement !== document.body) return;
      element.focus();
      if (element.type !== 'date') element.setSelectionRange(draft.length, draft.length);
    },
    [draftKey],
  );
  return {
    key: `${field}-${saved}`,
    props: {
      ref: restore,
      defaultValue: drafts.get(draftKey) ?? saved,
      onChange: (event: { target: { value: string } }) => drafts.set(draftKey, event.target.value),
      onBlur: (event: { target: { value: string } }) => {
        drafts.delete(draftKey);
        save(event.target.value);
      },
    },
  };
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
  const title = useDraft(followUp.id, 'title', followUp.title, (typed) => {
    const changed = typed.trim();
    if (changed && changed !== followUp.title) void update({ title: changed });
  });
  const due = useDraft(followUp.id, 'due', followUp.due ?? '', (typed) => {
    if ((typed || null) !== (followUp.due ?? null)) void update({ due: typed || null });
  });
  const notes = useDraft(followUp.id, 'notes', followUp.notes ?? '', (typed) => {
    const changed = typed.trim() || null;
    if (changed !== (followUp.notes ?? null)) void update({ notes: changed });
  });
  return (
    <li className="wk-followup" data-followup-id={followUp.id} aria-labelledby={`${id}-t`}>
      {isFacilitator ? (
        <input
          key={title.key}
          {...title.props}
          id={`${id}-t`}
          className="wk-followup-title"
          aria-label={t.workshop.fuTitle}
          maxLength={300}
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
          <input key={due.key} {...due.props} type="date" disabled={!isFacilitator} />
        </label>
      </div>
      {followUp.owner.email && <p className="wk-muted">{followUp.owner.email}</p>}
      <label>
        {t.workshop.notes}
        <textarea key={notes.key} {...notes.props} readOnly={!canEditProgress} maxLength={5000} />
      </label>
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
