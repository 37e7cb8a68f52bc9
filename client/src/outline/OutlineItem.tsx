/** One item in the outline: its words, my votes or its result, its follow-ups, and actions. */
import { type FormEvent, memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { conceptName, type Item, itemLabel, itemsOf } from '../../../shared/board-document.ts';
import { useBoardSession } from '../board/board-session.ts';
import { isNewTo, useNewSince } from '../board/last-visit.ts';
import { useT } from '../i18n/i18n.tsx';
import { FollowUpDialog } from '../workshop/FollowUpDialog.tsx';
import { useDateFormat } from '../workshop/format.ts';
import { daysOverdue, localToday } from '../workshop/overdue.ts';
import { type OverlayView, overlayViewOf, sameOverlayView } from '../workshop/overlay-view.ts';
import { ownerName } from '../workshop/owner-name.ts';
import { isTargetWhere } from '../workshop/round-rules.ts';
import { openRoundOf, useWorkshopStore, useWorkshopView } from '../workshop/use-workshop.ts';
import { useWriterOf } from '../workshop/use-writer.ts';
import { ConceptEditForm } from './ConceptEditForm.tsx';
import { EditActions } from './EditActions.tsx';
import { saveItemText } from './outline-model.ts';
import { TextEdit } from './text-edit.ts';

export interface OutlineItemProps {
  item: Item;
  /** The document the item lives in: the board, or my private document. */
  doc: Y.Doc;
  /**
   * Whether the frame an open round is limited to holds the item (insideFrame); true when the
   * round has no frame or none is open.
   */
  inRoundFrame: boolean;
  /** The stage (column) of its lane it lies in, when the lane has named stages. */
  stage?: string | undefined;
  canEdit: boolean;
  isPrivate: boolean;
  announce: (message: string) => void;
}

function ItemText({ item }: { item: Item }) {
  const t = useT();
  if (item.type === 'concept') {
    const name = conceptName(item);
    // The name once: a Name field that says what the line already starts with is not repeated.
    const fields = Object.entries(item.fields).filter(
      ([field, value]) => value?.trim() && !(field === 'name' && value.trim() === name),
    );
    return (
      <>
        <span className="ol-text" dir="auto">
          {name || t.outline.emptyText}
        </span>
        {item.text && (
          <span className="ol-text ol-subtext" dir="auto">
            {item.text}
          </span>
        )}
        {fields.length > 0 && (
          <span className="ol-fields">{fields.map(([, value]) => value).join(' · ')}</span>
        )}
      </>
    );
  }
  const text = 'text' in item ? item.text : '';
  return (
    <span className="ol-text" dir="auto">
      {text.trim() ? text : t.outline.emptyText}
    </span>
  );
}

/** `closed`: the board closed to my changes while the form was open (EditActions.tsx). */
function EditForm(props: {
  item: Item;
  doc: Y.Doc;
  closed: boolean;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  // What others change while the form is open is kept when it saves.
  const [edit] = useState(() => new TextEdit(itemsOf(props.doc).get(props.item.id)?.get('text')));
  useEffect(() => () => edit.end(), [edit]);
  const [text, setText] = useState(edit.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.closed) return;
    saveItemText(props.doc, props.item.id, edit, text);
    props.onDone(true);
  };
  return (
    <form className="ol-edit" onSubmit={submit}>
      <label htmlFor={id}>{t.outline.noteText}</label>
      <textarea
        id={id}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the person asked to edit this note just now
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onDone(false);
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      />
      <EditActions closed={props.closed} onCancel={() => props.onDone(false)} />
    </form>
  );
}

function Votes({
  item,
  inRoundFrame,
  view,
  announce,
}: Pick<OutlineItemProps, 'item' | 'inRoundFrame' | 'announce'> & { view: OverlayView }) {
  const t = useT();
  const session = useBoardSession();
  const store = useWorkshopStore();
  const { round, mine, votesLeft, result } = view;
  const label = itemLabel(item) || t.outline.emptyText;
  if (round) {
    if (!isTargetWhere(item, round, inRoundFrame)) {
      return <p className="ol-meta ol-out">{t.outline.notInRound}</p>;
    }
    const canVote = session.me.role !== 'viewer';
    const canAdd = votesLeft && mine < round.maxPerItem;
    const roundId = round.id;
    return (
      <div className="ol-votes">
        {/* A public round's live tally; an anonymous one has none until it closes. */}
        {result && (
          <span className="ol-meta" data-votes={result.votes}>
            {t.outline.tally(result.votes)}
          </span>
        )}
        {canVote && (
          <>
            <span className="ol-meta" data-my-votes={mine}>
              {t.outline.myVotes(mine)}
            </span>
            {/* aria-disabled, not disabled: a vote that reaches the cap (or my last vote taken
              back) must not take the focused button away, which drops the focus on <body>. */}
            <button
              type="button"
              aria-label={t.workshop.addVote(label)}
              aria-disabled={!canAdd}
              onClick={async () => {
                if (!canAdd) return;
                await store.vote(roundId, item.id);
                const after = openRoundOf(store.getState());
                if (after && !store.getState().error) {
                  announce(t.outline.announceVoted(after.remaining));
                }
              }}
            >
              {t.outline.vote}
            </button>
            <button
              type="button"
              aria-label={t.workshop.retractVote(label)}
              aria-disabled={mine === 0}
              onClick={async () => {
                if (mine === 0) return;
                await store.retract(roundId, item.id);
                const after = openRoundOf(store.getState());
                if (after && !store.getState().error) {
                  announce(t.outline.announceRetracted(after.remaining));
                }
              }}
            >
              {t.outline.retract}
            </button>
          </>
        )}
      </div>
    );
  }
  if (!result) return null;
  return (
    <p className="ol-meta ol-result" data-result-rank={result.rank}>
      {t.outline.result(result.rank, result.votes)}
    </p>
  );
}

/**
 * Memoised: on a board of 2,000 items a change re-renders only the items it changed (useItems
 * keeps every other item's object), not the whole list.
 */
export const OutlineItem = memo(function OutlineItem(props: OutlineItemProps) {
  const { item, doc, canEdit, isPrivate } = props;
  const t = useT();
  const formatDate = useDateFormat();
  const session = useBoardSession();
  // Every item of the outline: each re-renders only when what it shows changes, not at every
  // vote anyone casts (overlay-view.ts, as the canvas's overlays).
  const view = useWorkshopView((state) => overlayViewOf(state, item.id), sameOverlayView);
  const writer = useWriterOf(item);
  const newSince = useNewSince();
  // Made by someone else since I was last on the board (board/last-visit.ts).
  const fresh = !isPrivate && isNewTo(item, newSince, session.me.id);
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const label = itemLabel(item) || t.outline.emptyText;
  const { followUps } = view;
  // As the follow-ups panel marks it (QA: the outline's line read like any other date).
  const today = localToday();
  const editable =
    canEdit && (item.type === 'note' || item.type === 'text' || item.type === 'concept');
  const headingId = useId();
  // Back to where the person was, so the keyboard does not lose its place: in the commit that
  // takes the form away, so the focus is never left on <body> in between.
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const doneEditing = (saved: boolean) => {
    setEditing(false);
    refocus.current = true;
    if (saved) props.announce(t.outline.announceSaved);
  };
  return (
    <li className="ol-item" data-outline-item-id={item.id} aria-labelledby={headingId}>
      <p className="ol-item-head" id={headingId}>
        <span className="ol-type">{t.outline.types[item.type]}</span>{' '}
        {fresh && (
          <>
            <span className="ol-new" title={t.workshop.newHint} data-new>
              {t.workshop.newTag}
            </span>{' '}
          </>
        )}
        {props.stage && <span className="ol-stage">{props.stage}:</span>} <ItemText item={item} />
        {writer !== undefined && (
          <span className="ol-writer" data-writer={writer}>
            {t.workshop.writtenBy(writer)}
          </span>
        )}
      </p>
      {!isPrivate && (
        <Votes
          item={item}
          inRoundFrame={props.inRoundFrame}
          view={view}
          announce={props.announce}
        />
      )}
      {followUps.length > 0 && (
        <div className="ol-followups">
          <p className="ol-meta">{t.outline.followUps}</p>
          <ul>
            {followUps.map((followUp) => (
              <li key={followUp.id}>
                {t.outline.followUpLine(
                  <bdi key="title">{followUp.title}</bdi>,
                  <bdi key="owner">{ownerName(followUp.owner, t)}</bdi>,
                  t.workshop.statuses[followUp.status] ?? followUp.status,
                )}
                {followUp.due && `, ${t.outline.due(formatDate.day(followUp.due))}`}
                {daysOverdue(followUp, today) > 0 && (
                  <>
                    {' '}
                    <strong className="ol-overdue" data-overdue>
                      {t.workshop.overdue(daysOverdue(followUp, today))}
                    </strong>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing && item.type === 'concept' ? (
        <ConceptEditForm
          item={item}
          doc={doc}
          label={label}
          closed={!editable}
          onDone={doneEditing}
        />
      ) : editing ? (
        <EditForm item={item} doc={doc} closed={!editable} onDone={doneEditing} />
      ) : (
        <div className="ol-actions">
          {editable && (
            <button
              ref={editButton}
              type="button"
              aria-label={t.outline.editLabel(label)}
              onClick={() => setEditing(true)}
            >
              {t.outline.edit}
            </button>
          )}
          {!isPrivate && session.me.role === 'facilitator' && (
            <button
              type="button"
              aria-label={`${t.workshop.assignFollowUp}: ${label}`}
              onClick={() => setAssigning(true)}
            >
              {t.workshop.assignFollowUp}
            </button>
          )}
        </div>
      )}
      {assigning && (
        <FollowUpDialog itemId={item.id} itemLabel={label} onClose={() => setAssigning(false)} />
      )}
    </li>
  );
});
