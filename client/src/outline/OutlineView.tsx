/**
 * The accessible alternative to the canvas: frames, items, votes and follow-ups as a list of
 * headings, lists and buttons, with a live region for what changes. It is also how someone
 * on a phone takes part: add a note, edit it, vote.
 */
import './outline.css';
import '../workshop/workshop.css';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { addItem, type Item, itemLabel } from '../../../shared/board-document.ts';
import { withStacking } from '../../../shared/drawing-order.ts';
import { type BoardState, insideFrame } from '../../../shared/facilitation.ts';
import { columnOf, type FrameColumn, frameColumns } from '../../../shared/frame-columns.ts';
import { frameLookup } from '../../../shared/frame-lookup.ts';
import { memberCell, placeNewNote } from '../../../shared/note-placement.ts';
import { useBoardSession } from '../board/board-session.ts';
import { isNewTo, useNewSince } from '../board/last-visit.ts';
import { usePanelsOpen } from '../board/panels-context.ts';
import { mayEditItem, writeAccess } from '../board/write-access.ts';
import { useT } from '../i18n/i18n.tsx';
import { serverNow } from '../sync/server-clock.ts';
import { useDateFormat } from '../workshop/format.ts';
import { useBoardState } from '../workshop/use-board-state.ts';
import { useItems } from '../workshop/use-items.ts';
import { openRoundOf, useWorkshopView } from '../workshop/use-workshop.ts';
import { WorkshopBanner } from '../workshop/WorkshopBanner.tsx';
import { WorkshopError } from '../workshop/WorkshopPanels.tsx';
import type { WorkshopState } from '../workshop/workshop-state.ts';
import { OutlineItem } from './OutlineItem.tsx';
import { outlineSections } from './outline-model.ts';
import { useAnnouncements } from './use-announcements.ts';

function AddNoteForm(props: {
  frames: Item[];
  items: Item[];
  /** Where a note goes until the member picks a place: the frame a voting round is on. */
  defaultFrameId: string | undefined;
  onAdd: (text: string, frameId: string, column: FrameColumn | undefined) => void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  // null until the member picks a place; their pick then stays, round or not.
  const [chosenFrameId, setFrameId] = useState<string | null>(null);
  const frameId =
    chosenFrameId ??
    (props.frames.some((candidate) => candidate.id === props.defaultFrameId)
      ? (props.defaultFrameId ?? '')
      : '');
  // A journey lane's stage; '' is the first free spot in any stage.
  const [columnIndex, setColumnIndex] = useState('');
  const frame = props.frames.find((candidate) => candidate.id === frameId);
  // The stages a lane's headers name, not the column its own title takes ("Column 1"; QA):
  // the columns as they come only where no header names one.
  const allColumns = frame ? frameColumns(frame, props.items) : [];
  const stages = allColumns.filter((candidate) => candidate.name !== '');
  const columns = stages.length > 0 ? stages : allColumns;
  const column = columns.find((candidate) => String(candidate.index) === columnIndex);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    props.onAdd(text.trim(), frameId, column);
    setText('');
  };
  return (
    <form className="ol-add" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.outline.addNote}</h3>
      <label htmlFor={`${id}-text`}>{t.outline.noteText}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        required
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      />
      <label htmlFor={`${id}-where`}>{t.outline.where}</label>
      <select
        id={`${id}-where`}
        value={frameId}
        onChange={(event) => {
          setFrameId(event.target.value);
          setColumnIndex('');
        }}
      >
        <option value="">{t.outline.unframed}</option>
        {props.frames.map((frame) => (
          <option key={frame.id} value={frame.id}>
            {(frame.type === 'frame' && frame.title) || t.outline.untitledFrame}
          </option>
        ))}
      </select>
      {columns.length > 0 && (
        <>
          <label htmlFor={`${id}-stage`}>{t.outline.stage}</label>
          <select
            id={`${id}-stage`}
            value={columnIndex}
            onChange={(event) => setColumnIndex(event.target.value)}
          >
            <option value="">{t.outline.anyStage}</option>
            {columns.map((candidate) => (
              <option key={candidate.index} value={candidate.index}>
                {candidate.name || t.outline.column(candidate.index + 1)}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit">{t.outline.add}</button>
    </form>
  );
}

const privateDocOf = (state: WorkshopState) => state.privateDoc;
const roundFrameIdOf = (state: WorkshopState) => openRoundOf(state)?.round.frameId ?? undefined;
const roundTypesOf = (state: WorkshopState) => openRoundOf(state)?.round.itemTypes;

/** When silent writing last ended (its reveal) or the board was last restored, on this page. */
function useBoardNewsAt(boardState: BoardState | null): number | null {
  const restoredAt = useWorkshopView(restoredAtOf, Object.is);
  const silent = boardState?.silentWriting ?? false;
  const wasSilent = useRef(silent);
  const [revealedAt, setRevealedAt] = useState<number | null>(null);
  useEffect(() => {
    if (wasSilent.current && !silent) setRevealedAt(Date.now());
    wasSilent.current = silent;
  }, [silent]);
  return Math.max(revealedAt ?? 0, restoredAt ?? 0) || null;
}

const restoredAtOf = (state: WorkshopState) => state.restored?.at ?? null;

export function OutlineView() {
  const t = useT();
  const panelsOpen = usePanelsOpen();
  const session = useBoardSession();
  // Not the whole workshop state: a vote would re-render the whole list (each item follows its
  // own votes, OutlineItem.tsx).
  const privateDoc = useWorkshopView(privateDocOf, Object.is);
  const boardState = useBoardState(session);
  const openFrameId = useWorkshopView(roundFrameIdOf, Object.is);
  const openTypes = useWorkshopView(roundTypesOf, Object.is);
  const items = useItems(session.doc);
  const privateItems = useItems(privateDoc);
  const [message, announce] = useAnnouncements(items, useBoardNewsAt(boardState));
  const headingId = useId();

  // As on the canvas: while silent writing runs, every writer's new notes go to their own
  // private document (the facilitator's too), until the reveal. A lock is pens down: my
  // private notes too.
  const access = writeAccess(session.me.role, boardState, privateDoc !== null);
  const { sharedReadOnly, writesPrivately, canAdd } = access;
  const frames = useMemo(() => items.filter((item) => item.type === 'frame'), [items]);
  const newSince = useNewSince();
  const formatDate = useDateFormat();
  const freshCount = useMemo(
    () =>
      items.filter((item) => item.type !== 'frame' && isNewTo(item, newSince, session.me.id))
        .length,
    [items, newSince, session.me.id],
  );
  const sections = useMemo(() => {
    const round = openTypes && { itemTypes: openTypes, frameId: openFrameId ?? null };
    return outlineSections(items, round, frameLookup(withStacking(session.doc, frames)));
  }, [session.doc, items, frames, openFrameId, openTypes]);
  const roundFrame = frames.find((frame) => frame.id === openFrameId);
  const frameOf = useMemo(() => {
    const byId = new Map(frames.map((frame) => [frame.id, frame]));
    return (id: string) => byId.get(id);
  }, [frames]);

  const addNote = (text: string, frameId: string, column: FrameColumn | undefined) => {
    const doc = writesPrivately && privateDoc ? privateDoc : session.doc;
    const frame = frames.find((candidate) => candidate.id === frameId) ?? null;
    const start = writesPrivately ? memberCell(session.me.id, 8) : 0;
    const place = placeNewNote([...items, ...privateItems], frame, start, column);
    // A private note keeps its frame: the reveal moves it to the board as it is.
    const id = addItem(doc, {
      type: 'note',
      text,
      author: session.me.id,
      createdAt: serverNow(),
      ...place,
    });
    announce(writesPrivately ? t.outline.announceAddedPrivately : t.outline.announceAdded, id);
  };

  return (
    <section className="wk-outline ol-root" aria-labelledby={headingId} data-testid="outline-view">
      <h2 id={headingId} className="ol-title">
        {t.outline.title}
      </h2>
      <p className="ol-intro">
        {session.me.role === 'viewer' ? t.outline.introViewer : t.outline.intro}
      </p>
      {newSince !== null && freshCount > 0 && (
        <p className="ol-meta" data-testid="outline-new-count">
          {t.outline.newSinceVisit(freshCount, formatDate.soon(new Date(newSince).toISOString()))}
        </p>
      )}
      <div className="ol-banner">
        <WorkshopBanner placement="outline" />
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="outline-live">
        {message}
      </div>
      {/* Said once, where one looks: by the panels while they are in sight (QA). */}
      {!panelsOpen && <WorkshopError />}
      <BoardLabels labels={sections.at(-1)?.labels ?? []} />
      {/* For a while (a lock, silent writing): a viewer's status row says it for good (QA: "right
        now" under a viewer's own intro). */}
      {sharedReadOnly && !writesPrivately && session.me.role !== 'viewer' && (
        <p className="ol-notice">{t.outline.readOnly}</p>
      )}
      {canAdd && (
        <AddNoteForm frames={frames} items={items} defaultFrameId={openFrameId} onAdd={addNote} />
      )}
      {privateDoc && (
        <section className="ol-section ol-private" aria-labelledby={`${headingId}-private`}>
          <h3 id={`${headingId}-private`}>{t.outline.privateNotes}</h3>
          <p className="ol-meta">{t.outline.privateHint}</p>
          {privateItems.length === 0 ? (
            <p className="ol-meta">{t.outline.noItems}</p>
          ) : (
            <ul className="ol-list">
              {privateItems.map((item) => (
                <OutlineItem
                  key={item.id}
                  item={item}
                  doc={privateDoc}
                  inRoundFrame
                  canEdit={mayEditItem(access, true)}
                  isPrivate
                  announce={announce}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {sections.map(({ frame, items: sectionItems, labels, columns }) => {
        const sectionId = `${headingId}-${frame?.id ?? 'unframed'}`;
        if (!frame && sectionItems.length === 0) return null;
        const title = frame
          ? (frame.type === 'frame' && frame.title) || t.outline.untitledFrame
          : t.outline.unframed;
        const inRound = frame === roundFrame;
        return (
          <section
            key={frame?.id ?? 'unframed'}
            className="ol-section"
            aria-labelledby={sectionId}
            data-outline-frame-id={frame?.id ?? ''}
          >
            <h3 id={sectionId}>
              {title} <span className="ol-count">({t.outline.itemCount(sectionItems.length)})</span>
              {inRound && (
                <>
                  {' '}
                  <span className="ol-round-badge" data-round-frame>
                    {t.outline.votingHere}
                  </span>
                </>
              )}
            </h3>
            {frame && <BoardLabels labels={labels} />}
            {sectionItems.length === 0 ? (
              <p className="ol-meta">{t.outline.noItems}</p>
            ) : (
              <ul className="ol-list">
                {sectionItems.map((item) => (
                  <OutlineItem
                    key={item.id}
                    item={item}
                    doc={session.doc}
                    inRoundFrame={
                      openFrameId === undefined || insideFrame(item, openFrameId, frameOf)
                    }
                    stage={columnOf(columns, item)?.name}
                    canEdit={mayEditItem(access, false, item.pinned === true)}
                    isPrivate={false}
                    announce={announce}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

/**
 * A template's labels (pinned text: a journey's title and stage headings) read as one line of
 * the board's structure, not listed among the ideas; where they lie outside every frame, at
 * the top, where they are on the board.
 */
function BoardLabels({ labels }: { labels: Item[] }) {
  const t = useT();
  const words = labels.map(itemLabel).filter((label) => label !== '');
  if (words.length === 0) return null;
  return (
    <p className="ol-meta ol-labels" data-outline-labels>
      <span className="visually-hidden">{t.outline.boardLabels} </span>
      {words.join(' · ')}
    </p>
  );
}
