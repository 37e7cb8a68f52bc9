/**
 * Drawn by the canvas for each item near the view (canvas/model/nearby.ts) and the item at hand,
 * in a box at the item's place in a layer above every item (canvas/items/overlay-layer.ts), so
 * no item lying over this one hides these or takes their clicks: vote dots during a round (or a veil on items the round leaves out), the ranking badge
 * after it closes, follow-up marks, a "New" tag on what others made since my last visit and, on the item a facilitator is at (`engaged`: hovered,
 * focused, or selected near the view), the assign action.
 */
import './workshop.css';
import './overlay.css';
import { type KeyboardEvent, type SyntheticEvent, useCallback, useRef, useState } from 'react';
import { itemLabel, itemsOf, readItem } from '../../../shared/board-document.ts';
import { useFocusSuccessor } from '../app/focus-successor.ts';
import { useBoardSession } from '../board/board-session.ts';
import { isNewTo, useNewSince } from '../board/last-visit.ts';
import { itemAboutId } from '../canvas/canvas-context.ts';
import { itemElementOf, overlayElementOf } from '../canvas/items/overlay-layer.ts';
import { useT } from '../i18n/i18n.tsx';
import { FitWords, FollowUpIcon } from './FitWords.tsx';
import { FollowUpDialog } from './FollowUpDialog.tsx';
import { FollowUpMark } from './FollowUpMark.tsx';
import { useFootRoom } from './foot-room.ts';
import { useIsTarget } from './frame-watch.ts';
import { type OverlayRound, overlayViewOf, sameOverlayView } from './overlay-view.ts';
import { useWorkshopStore, useWorkshopView } from './use-workshop.ts';
import { useWriterOf } from './use-writer.ts';

/** The canvas drags and selects on pointer down: clicks on our buttons must not start that. */
const keepFromCanvas = (event: SyntheticEvent) => event.stopPropagation();

/**
 * The canvas's shortcuts listen on the document (Enter edits, Delete deletes, Space pans):
 * keys pressed on our buttons are theirs alone. Arrows and Escape still move around the board.
 */
const keepKeysFromCanvas = (event: KeyboardEvent) => {
  if (!(event.target instanceof HTMLButtonElement)) return;
  if (event.key.startsWith('Arrow') || event.key === 'Escape' || event.key === 'Tab') return;
  event.stopPropagation();
};

/**
 * An item the round leaves out is veiled and lies beneath the round's items, its overlay beneath
 * theirs (`data-veiled` on the item and on its overlay's box, overlay.css): a note over a concept
 * card hid the card's vote dot and took the click or tap meant for it in a round of cards (QA).
 * The veil is drawn on the item, under what lies over it. A ref callback: React runs its
 * cleanup as the round ends or takes the item in.
 */
const markOutOfPlay = (mark: HTMLElement | null) => {
  const marked = [itemElementOf(mark), mark?.closest('[data-overlay-of]')];
  for (const element of marked) element?.setAttribute('data-veiled', '');
  return () => {
    for (const element of marked) element?.removeAttribute('data-veiled');
  };
};

const OVERLAID_TYPES = new Set(['note', 'text', 'concept', 'frame']);

/**
 * More of my votes on one item than this are drawn as one dot that says how many: a round's
 * limit per item can be its whole budget (up to 99), and as many dots, kept 24 px apart and
 * wrapped into lines, outgrew a note zoomed out, a finger's (squares of 32 px or more) sooner
 * than a mouse's (20 px) (QA). With the dot that adds, a row is then never more than four.
 */
const DOTS_DRAWN = 3;

interface VoteDotsProps {
  itemId: string;
  round: OverlayRound;
  mine: number;
  /** Whether the empty dot that adds one of my votes shows. */
  canAdd: boolean;
  label: string;
}

/**
 * Where the keyboard goes when the dot it is on leaves: a vote that reaches the item's limit or
 * my budget takes the adding dot away, a vote taken back one of mine, a round closing them all.
 * Left alone the focus fell on <body>, where a screen reader says nothing and the next Enter
 * edited the selected card's name (QA). On the item's other kind of dot (the vote just cast, or
 * the adding dot a vote taken back brings), else any dot of the item, else the item itself.
 */
function dotAfter(itemElement: Element | null, leaving: 'add' | 'mine'): HTMLElement | null {
  if (!itemElement?.isConnected) return null;
  const overlay = overlayElementOf(itemElement);
  const dots = [...(overlay?.querySelectorAll<HTMLElement>('[data-vote-dots] button') ?? [])];
  const other = dots.filter((dot) => dot.hasAttribute('data-add-vote') === (leaving === 'mine'));
  return other.at(-1) ?? dots.at(-1) ?? (itemElement as HTMLElement);
}

function VoteDots({ itemId, round, mine, canAdd, label }: VoteDotsProps) {
  const t = useT();
  const store = useWorkshopStore();
  // The item's element, read as the row is drawn: once a dot is gone it cannot be asked.
  const item = useRef<Element | null>(null);
  const handOn = (leaving: 'add' | 'mine') => () => dotAfter(item.current, leaving);
  const mineLeaving = useFocusSuccessor<HTMLButtonElement>(handOn('mine'), { preventScroll: true });
  const addLeaving = useFocusSuccessor<HTMLButtonElement>(handOn('add'), { preventScroll: true });
  const rowRef = useCallback((row: HTMLDivElement | null) => {
    if (row) item.current = itemElementOf(row);
  }, []);
  const retract = () => store.retract(round.id, itemId);
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === '-' || event.key === 'Delete' || event.key === 'Backspace') && mine > 0) {
      event.preventDefault();
      event.stopPropagation();
      void retract();
    }
  };
  // Counted, one dot stands for all of mine: its number says how many, and so does its name.
  // A click on it takes one back, as on any of mine.
  const counted = mine > DOTS_DRAWN;
  const name = counted
    ? `${t.workshop.retractVote(label)} (${t.workshop.myVotesOnItem(mine)})`
    : t.workshop.retractVote(label);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: '-' retracts from any focused dot
    <div
      ref={rowRef}
      className="wk-dots-row"
      data-vote-dots
      data-my-votes={mine}
      onKeyDown={onKeyDown}
      onPointerDown={keepFromCanvas}
      onDoubleClick={keepFromCanvas}
    >
      {Array.from({ length: counted ? 1 : mine }, (_, index) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: dots are interchangeable
          key={index}
          ref={mineLeaving}
          type="button"
          className="wk-dot wk-dot-mine"
          aria-label={name}
          title={name}
          onClick={(event) => {
            event.stopPropagation();
            void retract();
          }}
        >
          {counted && (
            <span className="wk-dot-count" aria-hidden="true">
              {mine}
            </span>
          )}
        </button>
      ))}
      {canAdd && (
        <button
          ref={addLeaving}
          type="button"
          className="wk-dot wk-dot-add"
          data-add-vote
          aria-label={t.workshop.addVote(label)}
          title={t.workshop.addVote(label)}
          onClick={(event) => {
            event.stopPropagation();
            void store.vote(round.id, itemId);
          }}
        >
          +
        </button>
      )}
    </div>
  );
}

export function ItemOverlay({ itemId, engaged }: { itemId: string; engaged: boolean }) {
  const t = useT();
  const session = useBoardSession();
  // Hundreds of items have an overlay: each re-renders only when what it shows changes, not at
  // every vote, snapshot, timer or error the store hears of (overlay-view.ts).
  const { round, mine, votesLeft, result, followUps } = useWorkshopView(
    (state) => overlayViewOf(state, itemId),
    sameOverlayView,
  );
  const [assigning, setAssigning] = useState(false);
  // The pointer that pressed the assign button: a touch screen sends the click of the tap that
  // selected the item (and so showed the button, overlay.css) to the button it now finds there.
  const assignPressedBy = useRef<number | null>(null);
  // Items in my private document are not on the shared board: nothing to vote or assign yet.
  // Read at every render: not memoized, the overlay renders with its item (ItemView re-renders
  // at any change of it), so a moved item is placed anew here, and the board's frames are
  // watched once for all items (frame-watch.ts).
  const item = readItem(itemId, itemsOf(session.doc).get(itemId));
  const target = useIsTarget(session.doc, item, round);
  // A foot of more than one row rises over a note's last lines, or a card's last fields: the
  // note's text, or the card's fields, make room.
  const footRef = useFootRoom(item?.type);
  const writer = useWriterOf(item);
  const newSince = useNewSince();
  if (!item || !OVERLAID_TYPES.has(item.type)) return null;
  const canVote = session.me.role !== 'viewer';
  const isFacilitator = session.me.role === 'facilitator';
  // Shown on hover, selection or focus (overlay.css), so drawn only there: on a 2,000-note board
  // the button on every item was 8,000 elements more to lay out. Kept while its dialog is open,
  // and when it closes, focus comes back to the button (the dialog's focus counts as within).
  const assignable = isFacilitator && item.type !== 'frame' && (engaged || assigning);
  // Frames, and text where the round takes no text (the journey's title and stage labels), are
  // the board's structure, not ideas out of play: a veil would wash out their words.
  const veiled =
    round !== null &&
    !target &&
    item.type !== 'frame' &&
    !(item.type === 'text' && !round.itemTypes.includes('text'));
  const canAdd = round !== null && votesLeft && mine < round.maxPerItem;
  // With my votes spent, an item that has none of mine shows no dots: an empty row is a blob.
  const dots = round !== null && target && canVote && (mine > 0 || canAdd);
  // The foot's start: the writer's name, the badge, the follow-up mark, the assign button.
  const marks = writer !== undefined || result !== null || followUps.length > 0 || assignable;
  // Made by someone else since I was last here (a frame is the board's structure, not news).
  const fresh = item.type !== 'frame' && isNewTo(item, newSince, session.me.id);
  // Nothing to show (a participant's board between rounds): no elements at all, 2,000 items'
  // worth of them fewer for the page to lay out.
  if (!veiled && !dots && !marks && !fresh) return null;
  const label = itemLabel(item) || t.workshop.untitledItem;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only shields the canvas from our buttons' keys
    <div className="wk-overlay" data-workshop-overlay onKeyDown={keepKeysFromCanvas}>
      {veiled && (
        <div ref={markOutOfPlay} className="wk-veil" data-out-of-play>
          {/* Why it has no dot, for everyone: the item's description (its element points here),
            and in sight while the item is focused, selected (a tap) or under the pointer. A
            tooltip told a mouse alone (QA). */}
          <span
            id={itemAboutId(itemId)}
            className={engaged ? 'wk-veil-why' : 'visually-hidden'}
            data-out-of-play-why
          >
            {t.workshop.outOfPlay}
          </span>
        </div>
      )}
      {fresh && (
        <span className="wk-new" title={t.workshop.newHint} data-new>
          {t.workshop.newTag}
          <span className="visually-hidden">: {t.workshop.newHint}</span>
        </span>
      )}
      <div className="wk-overlay-foot" ref={footRef}>
        {marks && (
          <span className="wk-foot-start">
            {writer !== undefined && (
              <span className="wk-writer" title={t.workshop.writtenBy(writer)} data-writer={writer}>
                <span aria-hidden="true">{writer}</span>
                <span className="visually-hidden">{t.workshop.writtenBy(writer)}</span>
              </span>
            )}
            {result && (
              <span
                className={`wk-badge wk-rank-${Math.min(result.rank, 4)}`}
                data-result-rank={round ? undefined : result.rank}
                data-votes={result.votes}
              >
                {round ? (
                  t.workshop.liveTally(result.votes)
                ) : (
                  <>
                    {/* Short enough to fit a note zoomed out; the full words for screen readers. */}
                    <span aria-hidden="true">
                      {t.workshop.resultBadgeShort(result.rank, result.votes)}
                    </span>
                    <span className="visually-hidden">
                      {t.workshop.resultBadge(result.rank, result.votes)}
                    </span>
                  </>
                )}
              </span>
            )}
            {followUps.length > 0 && <FollowUpMark followUps={followUps} label={label} />}
            {assignable && (
              // In the foot, beside the follow-up count: in the top corner it covered a concept
              // card's title and a note's first line. The foot is already zoomed (overlay.css),
              // and is a row: the button flows in it instead of sitting in the corner.
              <button
                type="button"
                className="wk-small wk-assign"
                // Named by the whole words, which a short foot shows shorter (FitWords.tsx).
                aria-label={t.workshop.assignFollowUp}
                onPointerDown={(event) => {
                  assignPressedBy.current = event.pointerId;
                  keepFromCanvas(event);
                }}
                onClick={(event) => {
                  event.stopPropagation();
                  const { pointerId } = event.nativeEvent as Partial<PointerEvent>;
                  const byPointer = event.detail > 0 && pointerId !== undefined && pointerId >= 0;
                  if (byPointer && pointerId !== assignPressedBy.current) return;
                  setAssigning(true);
                }}
              >
                <FitWords
                  words={t.workshop.assignFollowUp}
                  shorter={[
                    t.workshop.assignFollowUpShort,
                    <>
                      +<FollowUpIcon />
                    </>,
                  ]}
                />
              </button>
            )}
          </span>
        )}
        {dots && (
          <VoteDots itemId={itemId} round={round} mine={mine} canAdd={canAdd} label={label} />
        )}
      </div>
      {assigning && (
        <FollowUpDialog itemId={itemId} itemLabel={label} onClose={() => setAssigning(false)} />
      )}
    </div>
  );
}
