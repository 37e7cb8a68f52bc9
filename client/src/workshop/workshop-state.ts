/**
 * What the workshop store holds (workshop-store.ts), and its pure updates: rounds and follow-ups
 * as events and answers change them, a refusal settled once the board no longer stands as it
 * said, and a restore read from the versions list.
 */
import type * as Y from 'yjs';
import type { Board, Language } from '../../../shared/api.ts';
import type {
  BoardState,
  CloseRoundResponse,
  Round,
  RoundView,
  SilentProgress,
} from '../../../shared/facilitation.ts';
import type { FollowUp, Snapshot } from '../../../shared/follow-through.ts';
import type { StateChange } from './seen-controls.ts';

export interface WorkshopState {
  /** The board's title as the server last told it: a facilitator may rename the board. */
  title: string;
  /** The board's language (its exports', its template's labels'), as the server last told it. */
  language: Language;
  /** Every round of the board, oldest first, as I see it. */
  rounds: RoundView[];
  followUps: FollowUp[];
  /** False until the server's list of follow-ups first arrives: nothing in it is news. */
  followUpsLoaded: boolean;
  /**
   * The follow-ups the last change that gave me any gave me while I am on the board
   * (assigned-to-me.ts), a new list each time: the announcer says them, the Follow-ups tab
   * counts them.
   */
  givenToMe: readonly FollowUp[];
  /** Newest first. */
  snapshots: Snapshot[];
  boardState: BoardState | null;
  /**
   * Member id → name, for each note's writer, while the board shows them
   * (`boardState.showNames`): everyone who has joined, and whoever comes since.
   */
  writers: ReadonlyMap<string, string>;
  /** While silent writing runs, to facilitators: how many have written how many notes. */
  silentProgress: SilentProgress | null;
  /** serverNow − my clock when the board state arrived: corrects the timer countdown. */
  clockOffsetMs: number;
  /** The round whose results the board shows; null means the latest closed one. */
  shownRoundId: string | null;
  privateDoc: Y.Doc | null;
  /** When the board was last restored from a snapshot (my clock), and by whom: both views say so. */
  restored: Restored | null;
  /** The last refusal or failure, for a role="alert" line; cleared by the next success. */
  error: Refusal | null;
  /**
   * Another facilitator's change that my click met (seen-controls.ts), or their timer in place
   * of mine, told by the control it concerns; it goes as I change the board's state, or as that
   * control changes again.
   */
  notice: FacilitationNotice | null;
}

/** A refusal or failure as the page shows it, with the server's code. */
export interface Refusal {
  code: string;
  message: string;
  retryAfterSec?: number | null;
}

export interface FacilitationNotice {
  change: StateChange;
  /** Who made it, where the page can tell (the one other facilitator here). */
  by: string | null;
  /**
   * A timer of theirs replaced the one I had started; else their change came just before my
   * click, which it took as done (or refused, as a second reveal is).
   */
  replaced: boolean;
}

export interface Restored {
  at: number;
  /**
   * The restorer's name and member id: my own restore is told by the id, names may repeat.
   * Empty for a restore learnt of on reconnecting (from the versions list, which names no one).
   */
  by: string;
  memberId: string;
  /** How many items the restore took off the board; null when not known (learnt on reconnecting). */
  removed: number | null;
  /** The version saved just before the restore: restoring it undoes the restore. */
  undoSnapshotId: string | null;
}

/** The state of a board session before the server has told anything. */
export function initialState(board: Pick<Board, 'title' | 'language'>): WorkshopState {
  return {
    title: board.title,
    language: board.language,
    rounds: [],
    followUps: [],
    followUpsLoaded: false,
    givenToMe: [],
    snapshots: [],
    boardState: null,
    writers: new Map(),
    silentProgress: null,
    clockOffsetMs: 0,
    shownRoundId: null,
    privateDoc: null,
    restored: null,
    error: null,
    notice: null,
  };
}

/**
 * Refusals that describe how the board stands: each goes once that is over (QA: "Another round
 * is already open" stayed after the round closed, above a form saying none was open).
 */
const noRoundOpen = (state: WorkshopState) =>
  !state.rounds.some((view) => view.round.status === 'open');
const OVER_WHEN = new Map<string, (state: WorkshopState) => boolean>([
  ['round_already_open', noRoundOpen],
  ['round_still_open', noRoundOpen],
  ['silent_writing_not_running', (state) => state.boardState?.silentWriting === true],
]);

/** `after`, without `before`'s refusal where the change from `before` made it over. */
export function settled(before: WorkshopState, after: WorkshopState): WorkshopState {
  const over = before.error && OVER_WHEN.get(before.error.code);
  if (over && after.error === before.error && over(after) && !over(before)) {
    return { ...after, error: null };
  }
  return after;
}

/** `rounds` with round `roundId` patched; `rounds` itself where no such round is known. */
export function patchRound(
  rounds: RoundView[],
  roundId: string,
  patch: (view: RoundView) => RoundView,
): RoundView[] {
  if (!rounds.some((view) => view.round.id === roundId)) return rounds;
  return rounds.map((view) => (view.round.id === roundId ? patch(view) : view));
}

/** `rounds` with `round` (and what `view` says of it) in place, or added as new. */
export function upsertRound(rounds: RoundView[], round: Round, view?: RoundView): RoundView[] {
  if (rounds.some((v) => v.round.id === round.id)) {
    return patchRound(rounds, round.id, (v) => ({ ...v, ...view, round }));
  }
  const fresh: RoundView = view ?? { round, myVotes: {}, remaining: round.budget };
  return [...rounds, fresh];
}

/** `rounds` with a round closed, and its results. */
export function closeRound(
  rounds: RoundView[],
  { round, results, excluded }: CloseRoundResponse,
): RoundView[] {
  return patchRound(upsertRound(rounds, round), round.id, (view) => ({
    ...view,
    round,
    results,
    excluded,
  }));
}

/** `followUps` with `followUp` in place, or added; `followUps` itself where it is older. */
export function upsertFollowUp(followUps: FollowUp[], followUp: FollowUp): FollowUp[] {
  const current = followUps.find((f) => f.id === followUp.id);
  // An acknowledgement can arrive after the event of a later change: keep the newer one.
  if (current && current.updatedAt > followUp.updatedAt) return followUps;
  return current
    ? followUps.map((f) => (f.id === followUp.id ? followUp : f))
    : [...followUps, followUp];
}

/**
 * A restore while I was away, since `serverSince` (the server's clock), read from the versions
 * list: the version saved before it. None where `told` (what I was told live, just before the
 * connection went) is that restore already: it is not told twice.
 */
export function restoredWhileAway(
  snapshots: readonly Snapshot[],
  serverSince: number,
  told: Restored | null,
  now: number,
): Restored | null {
  // Newest first: the first is the way back from the latest restore.
  const before = snapshots.find(
    (snapshot) =>
      snapshot.reason === 'before_restore' && Date.parse(snapshot.createdAt) >= serverSince,
  );
  if (!before || before.id === told?.undoSnapshotId) return null;
  return { at: now, by: '', memberId: '', removed: null, undoSnapshotId: before.id };
}
