/**
 * Every follow-up of the board, grouped by owner and then by status, editable in place and
 * updated live. Facilitators edit everything; an owner edits status and notes of their own.
 */
import { type KeyboardEvent, type ReactNode, useCallback, useId, useRef, useState } from 'react';
import { itemLabel } from '../../../shared/board-document.ts';
import { FOLLOW_UP_STATUSES } from '../../../shared/constants.ts';
import type { FollowUp, FollowUpStatus } from '../../../shared/follow-through.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useT } from '../i18n/i18n.tsx';
import { MemberOptions } from './MemberOptions.tsx';
import { ownerName } from './owner-name.ts';
import { useItems } from './use-items.ts';
import { type KnownMember, useKnownMembers } from './use-members.ts';
import { useWorkshop, useWorkshopStore } from './use-workshop.ts';

/**
 * Which follow-up's select to focus again when its card mounts anew: a committed owner or
 * status moves the card to another group, where React makes a new one.
 */
let refocusSelect: string | null = null;

/**
 * A select whose choice is a decision that moves the card (owner, status). A closed select
 * changes its value on every arrow key, so keyboard browsing only shows the choice: Enter or
 * leaving the select commits it, Escape goes back. A pick from the open list (pointer, or Enter
 * in the list) commits at once.
 */
function DeliberateSelect(props: {
  id: string;
  followUpId: string;
  field: 'owner' | 'status';
  value: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { followUpId, field, value, onCommit } = props;
  const [pending, setPending] = useState<string | null>(null);
  const browsing = useRef(false);
  const refocusKey = `${followUpId}:${field}`;
  const refocus = useCallback(
    (element: HTMLSelectElement | null) => {
      if (!element || refocusSelect !== refocusKey) return;
      refocusSelect = null;
      if (document.activeElement === document.body) element.focus();
    },
    [refocusKey],
  );
  const commit = (next: string | null, keepFocus: boolean) => {
    setPending(null);
    if (next === null || next === value) return;
    if (keepFocus) refocusSelect = refocusKey;
    onCommit(next);
  };
  return (
    <select
      ref={refocus}
      id={props.id}
      value={pending ?? value}
      disabled={props.disabled}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(pending, true);
        } else if (event.key === 'Escape' && pending !== null) {
          event.preventDefault();
          event.stopPropagation();
          setPending(null);
        } else if (!event.altKey && !event.ctrlKey && !event.metaKey && event.key !== 'Tab') {
          // Arrows, Home/End, Page keys and typed letters step through a closed select.
          browsing.current = true;
        }
      }}
      onKeyUp={() => {
        browsing.current = false;
      }}
      onChange={(event) => {
        if (browsing.current) setPending(event.target.value);
        else commit(event.target.value, true);
      }}
      onBlur={() => commit(pending, false)}
    >
      {props.children}
    </select>
  );
}

function OwnerField(props: { followUp: FollowUp; members: KnownMember[] }) {
  const t = useT();
  const store = useWorkshopStore();
  const { owner } = props.followUp;
  // A typed owner (no member id) stays choosable, so the select shows who it is now.
  const current = owner.memberId ?? '';
  const id = useId();
  return (
    <label htmlFor={id}>
      {t.workshop.owner}
      <DeliberateSelect
        id={id}
        followUpId={props.followUp.id}
        field="owner"
        value={current}
        onCommit={(memberId) => {
          if (memberId) void store.updateFollowUp(props.followUp.id, { owner: { memberId } });
        }}
      >
        {!owner.memberId && <option value="">{ownerName(owner, t)}</option>}
        <MemberOptions members={props.members} />
      </DeliberateSelect>
    </label>
  );
}

/**
 * What is typed into a follow-up's fields and not saved yet (saved on leaving the field, or on
 * Enter in a one-line field).
 */
const drafts = new Map<string, string>();

/**
 * One of a follow-up's typed fields (title, due date, notes). A status change moves the card to
 * another group, where React mounts it anew, and a change from elsewhere replaces the field:
 * what is being typed and the focus carry over, so a change landing from someone else while
 * one types loses nothing. A field mounted with a draft where the focus cannot come back saves
 * it: React passes on no blur from a focused field it removes, and a date field keeps the
 * focus through Tab (it moves between the date's parts), so a date typed and gone on from
 * would otherwise show as if saved when it never was.
 */
function useDraft(
  followUpId: string,
  field: 'title' | 'due' | 'notes',
  saved: string,
  save: (typed: string) => void,
) {
  const draftKey = `${followUpId}:${field}`;
  const latestSave = useRef(save);
  latestSave.current = save;
  // Runs for every field mounted, the replacements included.
  const attach = useCallback(
    (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      const draft = drafts.get(draftKey);
      if (draft === undefined || !element) return;
      // A focused field that was removed leaves the focus on the page itself.
      if (document.activeElement === document.body) {
        element.focus();
        if (element.type !== 'date') element.setSelectionRange(draft.length, draft.length);
        return;
      }
      // The focus went on elsewhere (a select of this card took it back, or the panel was left
      // and opened again): the field was left, and what it shows is saved.
      drafts.delete(draftKey);
      latestSave.current(draft);
    },
    [draftKey],
  );
  return {
    key: `${field}-${saved}`,
    props: {
      ref: attach,
      defaultValue: drafts.get(draftKey) ?? saved,
      onChange: (event: { target: { value: string } }) => drafts.set(draftKey, event.target.value),
      onBlur: (event: { target: { value: string } }) => {
        drafts.delete(draftKey);
        save(event.target.value);
      },
      onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const element = event.currentTarget;
        if (event.key === 'Enter' && element instanceof HTMLInputElement) {
          event.preventDefault();
          // The draft stays until the field is left: the saved value replaces the field (its
          // key names the value), and the draft is how the new one takes the focus back.
          drafts.set(draftKey, element.value);
          save(element.value);
        } else if (event.key === 'Escape' && element.value !== saved) {
          event.preventDefault();
          event.stopPropagation();
          drafts.delete(draftKey);
          element.value = saved;
        }
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
  const store = useWorkshopStore();
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
        <label htmlFor={`${id}-s`}>
          {t.workshop.status}
          <DeliberateSelect
            id={`${id}-s`}
            followUpId={followUp.id}
            field="status"
            value={followUp.status}
            disabled={!canEditProgress}
            onCommit={(status) => void update({ status: status as FollowUpStatus })}
          >
            {FOLLOW_UP_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.workshop.statuses[status]}
              </option>
            ))}
          </DeliberateSelect>
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
    const owner = ownerName(followUp.owner, t);
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
