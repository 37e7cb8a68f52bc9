/**
 * Every follow-up of the board, grouped by owner and then by status, editable in place and
 * updated live. Facilitators edit everything; an owner edits status and notes of their own.
 * What was already done or dropped when the panel opened is folded away under each owner
 * (a board used every week gathers hundreds): one button shows it and hides it again.
 */
import { Fragment, type KeyboardEvent, useCallback, useId, useRef, useState } from 'react';
import { itemLabel } from '../../../shared/board-document.ts';
import { FOLLOW_UP_STATUSES } from '../../../shared/constants.ts';
import {
  type FollowUp,
  type FollowUpStatus,
  isUnassigned,
  type UpdateFollowUpBody,
} from '../../../shared/follow-through.ts';
import { type Successor, useFocusSuccessor } from '../app/focus-successor.ts';
import { useBoardSession } from '../board/board-session.ts';
import { useNameOrder, useT } from '../i18n/i18n.tsx';
import { DeliberateSelect } from './DeliberateSelect.tsx';
import { withCentury } from './format.ts';
import { MemberOptions } from './MemberOptions.tsx';
import { Confirm } from './Modal.tsx';
import { daysOverdue, localToday } from './overdue.ts';
import { typedOwner } from './owner-name.ts';
import { useItems } from './use-items.ts';
import { type KnownMember, useKnownMembers } from './use-members.ts';
import { useWorkshop, useWorkshopStore } from './use-workshop.ts';

/**
 * Where the focus goes when a follow-up's card leaves the page while it has the focus: to the
 * same follow-up's card drawn anew (moved to another group), else (deleted, by me or by anyone)
 * on to a neighbour. A field that carries a draft, or a select just committed, takes it first.
 */
type HandOver = (followUpId: string) => Successor;

/** The owner select's choices besides the members. */
const TYPED_NOW = '~typed';
const NOBODY = '~nobody';
const SOMEONE_ELSE = '~someone-else';
/** The panel's group of follow-ups nobody owns yet: an assigned owner always has a name. */
const UNOWNED_GROUP = '';

/**
 * Who owns the follow-up, for facilitators to change: a member, nobody (it waits for an owner),
 * or someone who is not on the board, by name and e-mail (SPEC: a winner often goes to someone
 * who was not in the workshop). The typed owner stays correctable: "Someone else…" opens the
 * name and e-mail as they are.
 */
function OwnerField(props: { followUp: FollowUp; members: KnownMember[] }) {
  const t = useT();
  const store = useWorkshopStore();
  const { owner } = props.followUp;
  const nobody = isUnassigned(owner);
  const current = owner.memberId ?? (nobody ? NOBODY : TYPED_NOW);
  const [typing, setTyping] = useState(false);
  const id = useId();
  const update = (next: UpdateFollowUpBody['owner']) =>
    void store.updateFollowUp(props.followUp.id, { owner: next });
  return (
    <>
      <label htmlFor={id}>
        {t.workshop.owner}
        <DeliberateSelect
          id={id}
          refocusKey={`${props.followUp.id}:owner`}
          value={typing ? SOMEONE_ELSE : current}
          onCommit={(choice) => {
            setTyping(choice === SOMEONE_ELSE);
            if (choice === NOBODY) update(null);
            else if (choice !== SOMEONE_ELSE && choice !== TYPED_NOW) update({ memberId: choice });
          }}
        >
          {current === TYPED_NOW && <option value={TYPED_NOW}>{owner.name}</option>}
          <option value={NOBODY}>{t.workshop.unknownOwner}</option>
          <MemberOptions members={props.members} />
          <option value={SOMEONE_ELSE}>{t.workshop.ownerSomeoneElse}</option>
        </DeliberateSelect>
      </label>
      {typing && (
        <TypedOwner
          owner={owner.memberId === undefined && !nobody ? owner : undefined}
          onSave={(typed) => {
            setTyping(false);
            update(typed);
          }}
          onCancel={() => setTyping(false)}
        />
      )}
    </>
  );
}

/** A name and an e-mail address for an owner who is not a member, saved together. */
function TypedOwner(props: {
  owner: FollowUp['owner'] | undefined;
  onSave: (owner: { name: string; email?: string }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(props.owner?.name ?? '');
  const [email, setEmail] = useState(props.owner?.email ?? '');
  const [blank, setBlank] = useState(false);
  const nameId = useId();
  const save = () => {
    const typed = name.trim();
    setBlank(typed === '');
    if (typed === '') return;
    props.onSave(typedOwner(typed, email));
  };
  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  };
  return (
    <fieldset className="wk-typed-owner">
      <legend>{t.workshop.ownerSomeoneElse}</legend>
      <label htmlFor={nameId}>
        {t.workshop.ownerName}
        <input
          id={nameId}
          // biome-ignore lint/a11y/noAutofocus: opened by choosing "Someone else", to type in.
          autoFocus
          maxLength={120}
          value={name}
          aria-invalid={blank || undefined}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={keys}
        />
      </label>
      {blank && (
        <p className="wk-error" role="alert">
          {t.workshop.ownerNameRequired}
        </p>
      )}
      <label>
        {t.workshop.ownerEmail}
        <input
          type="email"
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          onKeyDown={keys}
        />
      </label>
      <div className="wk-row">
        <button type="button" className="wk-small" onClick={props.onCancel}>
          {t.workshop.cancel}
        </button>
        <button type="button" className="wk-small wk-primary" onClick={save}>
          {t.workshop.saveOwner}
        </button>
      </div>
    </fieldset>
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

/**
 * A follow-up's Delete: named for its follow-up (a panel holds many), and asked again, since
 * nothing brings a deleted follow-up back. The dialog closes before the follow-up goes, so the
 * focus is back on this button when the card leaves, and goes on from there to a neighbour.
 */
function DeleteFollowUp({ followUp }: { followUp: FollowUp }) {
  const t = useT();
  const store = useWorkshopStore();
  const [asking, setAsking] = useState(false);
  const close = () => setAsking(false);
  return (
    <>
      <button
        type="button"
        className="wk-small wk-danger"
        aria-label={t.workshop.deleteFollowUpNamed(followUp.title)}
        onClick={() => setAsking(true)}
      >
        {t.workshop.deleteFollowUp}
      </button>
      {asking && (
        <Confirm
          title={t.workshop.confirmDeleteFollowUpTitle}
          answer={t.workshop.deleteFollowUp}
          onAnswer={() => {
            close();
            void store.deleteFollowUp(followUp.id);
          }}
          onClose={close}
        >
          <p>{t.workshop.confirmDeleteFollowUp(followUp.title)}</p>
        </Confirm>
      )}
    </>
  );
}

function FollowUpCard({
  followUp,
  label,
  members,
  handOver,
}: {
  followUp: FollowUp;
  label: string;
  members: KnownMember[];
  handOver: HandOver;
}) {
  const t = useT();
  const session = useBoardSession();
  const store = useWorkshopStore();
  const id = useId();
  const leaving = useFocusSuccessor<HTMLLIElement>(handOver(followUp.id));
  const isFacilitator = session.me.role === 'facilitator';
  const isOwner = followUp.owner.memberId === session.me.id;
  const canEditProgress = isFacilitator || isOwner;
  const update = store.updateFollowUp.bind(store, followUp.id);
  const title = useDraft(followUp.id, 'title', followUp.title, (typed) => {
    const changed = typed.trim();
    if (changed && changed !== followUp.title) void update({ title: changed });
  });
  const due = useDraft(followUp.id, 'due', followUp.due ?? '', (typed) => {
    const meant = withCentury(typed);
    if ((meant || null) !== (followUp.due ?? null)) void update({ due: meant || null });
  });
  const notes = useDraft(followUp.id, 'notes', followUp.notes ?? '', (typed) => {
    const changed = typed.trim() || null;
    if (changed !== (followUp.notes ?? null)) void update({ notes: changed });
  });
  const overdue = daysOverdue(followUp, localToday());
  return (
    <li
      ref={leaving}
      className="wk-followup"
      data-followup-id={followUp.id}
      aria-labelledby={`${id}-t`}
    >
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
            refocusKey={`${followUp.id}:status`}
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
      {/* Mine by name, given to me as I joined on another device: why I cannot change it (QA). */}
      {!canEditProgress &&
        followUp.owner.memberId !== undefined &&
        followUp.owner.name === session.me.name && (
          <p className="wk-muted" data-testid="followup-other-device">
            {t.workshop.ownedOnAnotherDevice(followUp.owner.name)}
          </p>
        )}
      {overdue > 0 && (
        <p className="wk-overdue" data-testid="followup-overdue">
          {t.workshop.overdue(overdue)}
        </p>
      )}
      {followUp.owner.email && <p className="wk-muted">{followUp.owner.email}</p>}
      <label>
        {t.workshop.notes}
        <textarea key={notes.key} {...notes.props} readOnly={!canEditProgress} maxLength={5000} />
      </label>
      {isFacilitator && <DeleteFollowUp followUp={followUp} />}
    </li>
  );
}

const isFinished = (followUp: FollowUp) =>
  followUp.status === 'done' || followUp.status === 'dropped';

/**
 * Which finished follow-ups the panel keeps folded. One it has shown unfinished stays in sight
 * when it is finished (its owner may be typing in it, and whoever finished it sees where it
 * went); the rest are folded until their owner's fold is opened, and all of them again when it
 * is closed.
 */
function useFolded(followUps: FollowUp[]) {
  const seenUnfinished = useRef(new Set<string>());
  for (const followUp of followUps) {
    if (!isFinished(followUp)) seenUnfinished.current.add(followUp.id);
  }
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  return {
    isFolded: (followUp: FollowUp) =>
      isFinished(followUp) && !opened.has(followUp.id) && !seenUnfinished.current.has(followUp.id),
    show: (ids: string[]) => setOpened((current) => new Set([...current, ...ids])),
    hide: (ids: string[]) => {
      for (const id of ids) seenUnfinished.current.delete(id);
      setOpened((current) => new Set([...current].filter((id) => !ids.includes(id))));
    },
  };
}

/** An owner's fold of finished follow-ups: says how many it holds, and opens and closes. */
function FoldToggle(props: {
  finished: FollowUp[];
  hidden: number;
  fold: ReturnType<typeof useFolded>;
}) {
  const t = useT();
  const ids = props.finished.map((followUp) => followUp.id);
  const open = props.hidden === 0;
  return (
    <button
      type="button"
      className="wk-small wk-fold"
      aria-expanded={open}
      onClick={() => (open ? props.fold.hide(ids) : props.fold.show(ids))}
    >
      {open ? t.workshop.hideFinished : t.workshop.showFinished(props.hidden)}
    </button>
  );
}

export function FollowUpPanel() {
  const t = useT();
  const session = useBoardSession();
  const items = useItems(session.doc);
  const [state] = useWorkshop();
  const members = useKnownMembers(session, session.me.role === 'facilitator');
  const fold = useFolded(state.followUps);
  const nameOrder = useNameOrder();
  // By the owner's name, and those nobody owns yet under a key no name can be, listed last, as
  // the agenda lists them. Sorted as the word "Unassigned" they fell among the names, in another
  // place in each language (QA), and an owner typed in by that name joined them.
  const byOwner = new Map<string, FollowUp[]>();
  for (const followUp of state.followUps) {
    const owner = isUnassigned(followUp.owner) ? UNOWNED_GROUP : followUp.owner.name;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), followUp]);
  }
  const owners = Array.from(byOwner.keys())
    .filter((owner) => owner !== UNOWNED_GROUP)
    .sort(nameOrder);
  if (byOwner.has(UNOWNED_GROUP)) owners.push(UNOWNED_GROUP);
  const headingOf = (owner: string) => (owner === UNOWNED_GROUP ? t.workshop.unknownOwner : owner);
  const finishedOf = (owner: string) => (byOwner.get(owner) ?? []).filter(isFinished);
  // The cards drawn: a finished one only while it is not folded.
  const groupOf = (owner: string, status: string) =>
    (byOwner.get(owner) ?? []).filter((f) => f.status === status && !fold.isFolded(f));
  // The cards as the panel shows them, for the focus to go on from one that leaves.
  const order = owners.flatMap((owner) =>
    FOLLOW_UP_STATUSES.flatMap((status) => groupOf(owner, status).map((f) => f.id)),
  );
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const handOver: HandOver = (followUpId) => () => {
    const cardOf = (other: string) =>
      panel.current?.querySelector(`[data-followup-id="${CSS.escape(other)}"]`);
    const at = order.indexOf(followUpId);
    // The card drawn anew, else the next card's first field, else the one before's.
    for (const other of [followUpId, ...order.slice(at + 1), ...order.slice(0, at).reverse()]) {
      const control = cardOf(other)?.querySelector<HTMLElement>(
        ':is(input, select, textarea, button):not(:disabled)',
      );
      if (control) return control;
    }
    return heading.current;
  };
  return (
    <section
      ref={panel}
      className="wk-section"
      aria-labelledby="wk-fu-h"
      data-testid="followup-panel"
    >
      {/* Where the focus goes when the last card holding it leaves. */}
      <h2 id="wk-fu-h" ref={heading} tabIndex={-1}>
        {t.workshop.followUpsSection}
      </h2>
      {owners.length === 0 && <p className="wk-muted">{t.workshop.noFollowUps}</p>}
      {owners.map((owner) => (
        <section key={owner} className="wk-owner" aria-label={headingOf(owner)}>
          <h3>{headingOf(owner)}</h3>
          {FOLLOW_UP_STATUSES.map((status) => {
            const group = groupOf(owner, status);
            const finished = status === 'done' ? finishedOf(owner) : [];
            return (
              <Fragment key={status}>
                {/* Where the finished groups begin, whether they show or not: the button keeps
                    its place, and the focus, as it opens and closes the fold. */}
                {finished.length > 0 && (
                  <FoldToggle
                    fold={fold}
                    finished={finished}
                    hidden={finished.filter(fold.isFolded).length}
                  />
                )}
                {group.length > 0 && (
                  <div className={`wk-status-group wk-status-${status}`}>
                    <h4>{t.workshop.statuses[status]}</h4>
                    <ul>
                      {group.map((followUp) => (
                        <FollowUpCard
                          key={followUp.id}
                          followUp={followUp}
                          members={members}
                          handOver={handOver}
                          label={
                            itemLabel(items.find((item) => item.id === followUp.itemId)) ||
                            t.workshop.deletedItem
                          }
                        />
                      ))}
                    </ul>
                  </div>
                )}
              </Fragment>
            );
          })}
        </section>
      ))}
    </section>
  );
}
