/**
 * The workshop's shared client state: rounds, my votes, follow-ups, snapshots, board state
 * and my private document. One store per board session, fed by the typed Socket.io events,
 * so the panels, every ItemOverlay and the outline view always agree.
 */
import type * as Y from 'yjs';
import type {
  Board,
  Language,
  ListMembersResponse,
  NewKeyResponse,
  RenamedBoard,
  UpdateBoardBody,
} from '../../../shared/api.ts';
import type { Ack, AckResult } from '../../../shared/events.ts';
import type {
  BoardState,
  CloseRoundResponse,
  OpenRoundBody,
  Round,
  RoundView,
  SilentProgress,
  TimerAction,
  VoteResponse,
} from '../../../shared/facilitation.ts';
import type {
  CreateFollowUpBody,
  FollowUp,
  Snapshot,
  UpdateFollowUpBody,
} from '../../../shared/follow-through.ts';
import type { Role } from '../../../shared/roles.ts';
import { newRoleLink } from '../app/invite-links.ts';
import type { BoardSession } from '../board/board-session.ts';
import { membersHere } from '../board/presence.ts';
import { learnServerTime } from '../sync/server-clock.ts';
import {
  type Control,
  otherFacilitator,
  SeenControls,
  type Shown,
  type StateChange,
} from './seen-controls.ts';
import { ANSWER_WITHIN_MS, ask } from './socket-request.ts';

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
  error: { code: string; message: string; retryAfterSec?: number | null } | null;
  /**
   * Another facilitator's change that my click met (seen-controls.ts), or their timer in place
   * of mine, told by the control it concerns; it goes as I change the board's state, or as that
   * control changes again.
   */
  notice: FacilitationNotice | null;
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

type Listener = () => void;

export class WorkshopStore {
  #state: WorkshopState;
  readonly #listeners = new Set<Listener>();
  readonly session: BoardSession;
  /** When the connection last dropped, until the versions list has been read again. */
  #disconnectedAt: number | null = null;
  #lastHeardAt: number | null = null;
  /** What the facilitators' buttons showed, and when: a click acts on what it saw. */
  readonly #seen = new SeenControls();

  constructor(session: BoardSession) {
    this.session = session;
    this.#state = {
      title: session.board.title,
      language: session.board.language,
      rounds: [],
      followUps: [],
      followUpsLoaded: false,
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
    const socket = session.provider.socket;
    // Renamed while I was away: the welcome of every connection says the title as it is.
    const told = ({ board }: { board: Board }) =>
      this.#set({ title: board.title, language: board.language });
    socket.on('board:welcome', told);
    socket.on('board:renamed', told);
    socket.on('connect', () => void this.refresh());
    // Away since the server was last heard from (a ping, any packet), not since the page saw
    // the connection end: offline at localhost the browser holds a dead connection open, and
    // the page sees it end 30 s later, after a restore it then took for older news (journey QA).
    const heard = () => {
      this.#lastHeardAt = Date.now();
    };
    socket.io.on('packet', heard);
    socket.io.on('ping', heard);
    socket.on('disconnect', () => {
      this.#disconnectedAt ??= this.#lastHeardAt ?? Date.now();
    });
    socket.on('board:state', (state) => this.#setBoardState(state));
    // Someone who joins while the board shows names is on no list read before: they are here.
    session.awareness.on('change', ({ added }: { added: number[] }) => {
      if (added.length > 0 && this.#state.boardState?.showNames) this.#addWriters();
    });
    socket.on('silent:progress', (silentProgress) => this.#set({ silentProgress }));
    socket.on('round:opened', (round) => this.#upsertRound(round));
    socket.on('round:progress', ({ roundId, voters, results }) =>
      this.#patchRound(roundId, (view) => ({
        ...view,
        round: { ...view.round, voters },
        ...(results ? { results } : {}),
      })),
    );
    socket.on('round:participation', ({ roundId, participation }) =>
      this.#patchRound(roundId, (view) => ({ ...view, participation })),
    );
    socket.on('round:closed', (closed) => this.#applyClosed(closed));
    socket.on('round:mine', ({ roundId, ...mine }) =>
      this.#patchRound(roundId, (view) => ({ ...view, ...mine })),
    );
    socket.on('followup:changed', (followUp) => this.#upsertFollowUp(followUp));
    socket.on('followup:deleted', ({ id }) =>
      this.#set({ followUps: this.#state.followUps.filter((f) => f.id !== id) }),
    );
    socket.on('snapshot:created', (snapshot) =>
      this.#set({
        snapshots: [snapshot, ...this.#state.snapshots.filter((s) => s.id !== snapshot.id)],
      }),
    );
    // Retention let older automatic versions go: a row for one would only answer "not found".
    socket.on('snapshot:deleted', ({ ids }) =>
      this.#set({ snapshots: this.#state.snapshots.filter((s) => !ids.includes(s.id)) }),
    );
    // My own page offers no edit the board refuses; one it refuses was on its way while the
    // board was locked or silent writing began (sent on reconnecting, say): say it was lost.
    socket.on('board:error', (error) => {
      if (error.code === 'read_only')
        this.#set({ error: { code: 'edit_refused', message: error.message } });
    });
    socket.on('board:restored', ({ by, memberId, removed, undoSnapshotId }) => {
      this.#set({
        restored: {
          at: Date.now(),
          by,
          memberId,
          // A server older than these fields sends neither.
          removed: removed ?? null,
          undoSnapshotId: undoSnapshotId ?? null,
        },
      });
      void this.#refreshSnapshots();
    });
    // Before the connection is up, 'connect' does this; asking now too would ask twice.
    if (socket.connected) void this.refresh();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): WorkshopState => this.#state;

  #set(change: Partial<WorkshopState>): void {
    const before = this.#state;
    this.#state = { ...before, ...change };
    const over = before.error && OVER_WHEN.get(before.error.code);
    if (over && this.#state.error === before.error && over(this.#state) && !over(before)) {
      this.#state.error = null;
    }
    for (const listener of this.#listeners) listener();
  }

  /** Everything the server holds, again: on start and after every reconnect. */
  async refresh(): Promise<void> {
    const socket = this.session.provider.socket;
    await Promise.all([
      this.#run(() => ask<RoundView[]>((ack) => socket.emit('round:list', ack))).then(
        (rounds) => rounds && this.#set({ rounds }),
      ),
      this.#run(() => ask<FollowUp[]>((ack) => socket.emit('followup:list', ack))).then(
        (followUps) => followUps && this.#set({ followUps, followUpsLoaded: true }),
      ),
      this.#refreshSnapshots(),
      // board:state arrives once per connection; a store made after it asks over HTTP.
      this.#state.boardState
        ? Promise.resolve()
        : this.#run(() => this.session.api<BoardState>('/state')).then(
            (state) => state && !this.#state.boardState && this.#setBoardState(state),
          ),
    ]);
  }

  async #refreshSnapshots(): Promise<void> {
    const socket = this.session.provider.socket;
    const snapshots = await this.#run(() =>
      ask<Snapshot[]>((ack) => socket.emit('snapshot:list', ack)),
    );
    if (!snapshots) return;
    this.#set({ snapshots });
    // A restore while I was away replaced what I had and may have dropped edits I sent on
    // reconnecting: say so, as the live event would have (QA: it went unsaid).
    const since = this.#disconnectedAt;
    if (since === null || !this.session.provider.socket.connected) return;
    this.#disconnectedAt = null;
    const serverSince = since + this.#state.clockOffsetMs;
    // Newest first: the first is the way back from the latest restore.
    const restoredMeanwhile = snapshots.find(
      (snapshot) =>
        snapshot.reason === 'before_restore' && Date.parse(snapshot.createdAt) >= serverSince,
    );
    // One I was told of live, just before the connection went, is not told twice.
    if (restoredMeanwhile && restoredMeanwhile.id !== this.#state.restored?.undoSnapshotId) {
      const undoSnapshotId = restoredMeanwhile.id;
      this.#set({
        restored: { at: Date.now(), by: '', memberId: '', removed: null, undoSnapshotId },
      });
    }
  }

  /** Runs a request; a refusal lands in `error` (and resolves undefined) instead of throwing. */
  async #run<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await request();
      // An answer clears an earlier request's error, not news of edits the board refused.
      if (this.#state.error && this.#state.error.code !== 'edit_refused') {
        this.#set({ error: null });
      }
      return result;
    } catch (error) {
      const {
        code = 'internal_error',
        message = String(error),
        retryAfterSec = null,
      } = error as { code?: string; message?: string; retryAfterSec?: number | null };
      this.#set({ error: { code, message, retryAfterSec } });
      return undefined;
    }
  }

  /**
   * Someone's action, and `apply`, what its answer changes on the page. While disconnected it
   * is refused at once: Socket.io would hold it and send it on reconnecting, maybe much later
   * (a round opening after the facilitator gave up). So it is while the browser says it is
   * offline, the connection not yet known to be down: the browser holds what is sent then and
   * sends it once back (journey QA: a vote cast offline counted on the server, and the page
   * said it may not have been saved). An answer that comes after the page gave up on it
   * (no_answer) is applied all the same: the page shows what the server did.
   */
  async #emit<T>(
    send: (ack: Ack<T>) => void,
    apply: (data: T) => void = () => {},
  ): Promise<T | undefined> {
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    if (!this.session.provider.socket.connected || browserOffline) {
      return this.#run(() => Promise.reject({ code: 'offline', message: 'Not connected.' }));
    }
    const data = await this.#run(() =>
      ask(send, ANSWER_WITHIN_MS, (late) => this.#answeredLate(late, apply)),
    );
    if (data) apply(data);
    return data;
  }

  /** The answer to a request the page had given up on (no_answer): what the server did. */
  #answeredLate<T>(answer: AckResult<T>, apply: (data: T) => void): void {
    if (answer.ok) {
      if (answer.data) apply(answer.data);
      if (this.#state.error?.code === 'no_answer') this.#set({ error: null });
      return;
    }
    const { code, message, retryAfterSec = null } = answer.error;
    this.#set({ error: { code, message, retryAfterSec } });
  }

  clearError(): void {
    this.#set({ error: null });
  }

  #setBoardState(boardState: BoardState): void {
    const namesShown = boardState.showNames && !this.#state.boardState?.showNames;
    let notice = this.#state.notice;
    for (const { change, replacedMine } of this.#seen.show(boardState, Date.now())) {
      if (change.control === notice?.change.control) notice = null;
      if (replacedMine) notice = { change, by: this.#otherFacilitator(), replaced: true };
    }
    this.#set({ boardState, clockOffsetMs: learnServerTime(boardState.serverNow), notice });
    if (namesShown) void this.#loadWriters();
  }

  #otherFacilitator(): string | null {
    return otherFacilitator(membersHere(this.session.awareness), this.session.me.id);
  }

  /**
   * A click on `control`'s button, which someone else changed since the facilitator looked:
   * when `done` says the click meant what the board shows now, it is taken as done and they are
   * told so (true); else false, and the caller asks the server.
   */
  #overtaken(control: Control, done: (seen: Shown, now: Shown) => boolean): boolean {
    const click = this.#seen.atClick(control, Date.now());
    const change = click?.current.change;
    if (!click || click.seen === click.current || !change || !done(click.seen, click.current)) {
      return false;
    }
    this.#set({ notice: { change, by: this.#otherFacilitator(), replaced: false } });
    return true;
  }

  /**
   * Asks for `change`: the board's state showing it while the answer is on its way shows mine.
   * `apply` takes the answer before that ends.
   */
  async #change<T>(
    change: StateChange,
    send: (ack: Ack<T>) => void,
    apply?: (answer: T) => void,
  ): Promise<T | undefined> {
    if (this.#state.notice) this.#set({ notice: null });
    const answered = this.#seen.ask(change);
    try {
      // A late answer (no_answer given up on) is applied too.
      return await this.#emit<T>(send, apply);
    } finally {
      answered();
    }
  }

  /** Asks for `change`, answered with the board's state. */
  async #changeState(change: StateChange, send: (ack: Ack<BoardState>) => void): Promise<void> {
    await this.#change(change, send, (state) => this.#setBoardState(state));
  }

  /** Everyone who has joined the board, and whoever is here. */
  async #loadWriters(): Promise<void> {
    let joined: ListMembersResponse['members'] = [];
    try {
      joined = (await this.session.api<ListMembersResponse>('/members')).members;
    } catch {
      // Without the list, the names of those here still show.
    }
    const writers = new Map(this.#state.writers);
    for (const member of joined) writers.set(member.id, member.name);
    this.#set({ writers });
    this.#addWriters();
  }

  /** Those here now, where their names are news. */
  #addWriters(): void {
    let writers: Map<string, string> | null = null;
    for (const { id, name } of membersHere(this.session.awareness)) {
      if (this.#state.writers.get(id) === name) continue;
      writers ??= new Map(this.#state.writers);
      writers.set(id, name);
    }
    if (writers) this.#set({ writers });
  }

  #patchRound(roundId: string, patch: (view: RoundView) => RoundView): void {
    if (!this.#state.rounds.some((view) => view.round.id === roundId)) return;
    this.#set({
      rounds: this.#state.rounds.map((view) => (view.round.id === roundId ? patch(view) : view)),
    });
  }

  #upsertRound(round: Round, view?: RoundView): void {
    const existing = this.#state.rounds.find((v) => v.round.id === round.id);
    if (existing) {
      this.#patchRound(round.id, (v) => ({ ...v, ...view, round }));
      return;
    }
    const fresh: RoundView = view ?? { round, myVotes: {}, remaining: round.budget };
    this.#set({ rounds: [...this.#state.rounds, fresh] });
  }

  #applyClosed({ round, results, excluded }: CloseRoundResponse): void {
    if (!this.#state.rounds.some((v) => v.round.id === round.id)) this.#upsertRound(round);
    // A round that just closed is what everyone wants to see, whatever was picked before.
    this.#patchRound(round.id, (view) => ({ ...view, round, results, excluded }));
    this.#set({ shownRoundId: null });
  }

  #upsertFollowUp(followUp: FollowUp): void {
    const current = this.#state.followUps.find((f) => f.id === followUp.id);
    // An acknowledgement can arrive after the event of a later change: keep the newer one.
    if (current && current.updatedAt > followUp.updatedAt) return;
    const known = current !== undefined;
    const followUps = known
      ? this.#state.followUps.map((f) => (f.id === followUp.id ? followUp : f))
      : [...this.#state.followUps, followUp];
    this.#set({ followUps });
  }

  setPrivateDoc(privateDoc: Y.Doc | null): void {
    if (this.#state.privateDoc !== privateDoc) this.#set({ privateDoc });
  }

  showRound(roundId: string | null): void {
    this.#set({ shownRoundId: roundId });
  }

  // Voting ---------------------------------------------------------------------------------

  async openRound(body: OpenRoundBody): Promise<boolean> {
    const socket = this.session.provider.socket;
    const view = await this.#emit<RoundView>(
      (ack) => socket.emit('round:open', body, ack),
      (opened) => this.#upsertRound(opened.round, opened),
    );
    return view !== undefined;
  }

  async closeRound(roundId: string): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<CloseRoundResponse>(
      (ack) => socket.emit('round:close', { roundId }, ack),
      (closed) => this.#applyClosed(closed),
    );
  }

  async vote(roundId: string, itemId: string): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<VoteResponse>(
      (ack) => socket.emit('round:vote', { roundId, itemId }, ack),
      (reply) => this.#patchRound(roundId, (view) => ({ ...view, ...reply })),
    );
  }

  async retract(roundId: string, itemId: string): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<VoteResponse>(
      (ack) => socket.emit('round:retract', { roundId, itemId }, ack),
      (reply) => this.#patchRound(roundId, (view) => ({ ...view, ...reply })),
    );
  }

  // Board state ----------------------------------------------------------------------------

  async setLocked(locked: boolean): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#changeState({ control: 'lock', locked }, (ack) =>
      socket.emit('board:lock', { locked }, ack),
    );
  }

  /**
   * The lock's one button: locks what the facilitator saw unlocked, and the reverse. Another
   * facilitator's lock that came a moment before the click is not undone (QA: both locked, and
   * the board ended unlocked).
   */
  async toggleLock(): Promise<void> {
    if (this.#overtaken('lock', (seen, now) => seen.value !== now.value)) return;
    await this.setLocked(!(this.#state.boardState?.locked ?? false));
  }

  async setShowNames(shown: boolean): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<BoardState>(
      (ack) => socket.emit('board:names', { shown }, ack),
      (state) => this.#setBoardState(state),
    );
  }

  async setPhase(phase: string | null): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<BoardState>(
      (ack) => socket.emit('board:phase', { phase }, ack),
      (state) => this.#setBoardState(state),
    );
  }

  async timer(action: TimerAction): Promise<void> {
    const socket = this.session.provider.socket;
    const change: StateChange =
      action.action === 'start'
        ? { control: 'timer', action: 'start', durationMs: action.durationSec * 1000 }
        : { control: 'timer', action: action.action };
    await this.#changeState(change, (ack) => socket.emit('timer:control', action, ack));
  }

  /**
   * Start: unless another facilitator started a timer a moment before the click, which the
   * facilitator could not have seen (they are told; Start again replaces it).
   */
  async startTimer(durationSec: number): Promise<void> {
    const started = (_seen: Shown, now: Shown) =>
      now.change?.control === 'timer' && now.change.action === 'start';
    if (this.#overtaken('timer', started)) return;
    await this.timer({ action: 'start', durationSec });
  }

  /**
   * Pause or Resume, as the button read when the facilitator clicked it (QA: both paused, and
   * the timer ran on). A button that came a moment before the click acts as it reads.
   */
  async togglePause(): Promise<void> {
    const done = (seen: Shown, now: Shown) =>
      seen.value !== 'idle' && now.value !== 'idle' && seen.value !== now.value;
    if (this.#overtaken('timer', done)) return;
    const running = this.#state.boardState?.timer.status === 'running';
    await this.timer({ action: running ? 'pause' : 'resume' });
  }

  /**
   * Start and the reveals swap places as silent writing starts and ends: a click that met
   * another facilitator's start or reveal a moment before it meant that, and is taken as done.
   */
  #silentOvertaken(): boolean {
    return this.#overtaken('silent', (seen, now) => seen.value !== now.value);
  }

  async startSilentWriting(): Promise<void> {
    if (this.#silentOvertaken()) return;
    const socket = this.session.provider.socket;
    await this.#changeState({ control: 'silent', running: true }, (ack) =>
      socket.emit('silent:start', {}, ack),
    );
  }

  /** Asks how far the writing has come (facilitators), as the silent-writing controls show. */
  async loadSilentProgress(): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<SilentProgress>(
      (ack) => socket.emit('silent:progress', {}, ack),
      (silentProgress) => this.#set({ silentProgress }),
    );
  }

  async reveal(anonymous: boolean): Promise<void> {
    if (this.#silentOvertaken()) return;
    const socket = this.session.provider.socket;
    const revealed = await this.#change({ control: 'silent', running: false, anonymous }, (ack) =>
      socket.emit('silent:reveal', { anonymous }, ack),
    );
    if (revealed || this.#state.error?.code !== 'silent_writing_not_running') return;
    // Refused as silent writing had ended: another facilitator's reveal got there first (QA:
    // "Silent writing is not running.", at the panel's top, said nothing of their choice).
    const change = this.#seen.atClick('silent', Date.now())?.current.change;
    if (change?.control === 'silent' && !change.running) {
      this.#set({ error: null, notice: { change, by: this.#otherFacilitator(), replaced: false } });
    }
  }

  async summon(viewport: { x: number; y: number; zoom: number }): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit((ack) => socket.emit('presence:summon', { viewport }, ack));
  }

  // Follow-ups and snapshots ---------------------------------------------------------------

  async createFollowUp(body: CreateFollowUpBody): Promise<boolean> {
    const socket = this.session.provider.socket;
    const created = await this.#emit<FollowUp>(
      (ack) => socket.emit('followup:create', body, ack),
      (made) => this.#upsertFollowUp(made),
    );
    return created !== undefined;
  }

  async updateFollowUp(id: string, changes: UpdateFollowUpBody): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit<FollowUp>(
      (ack) => socket.emit('followup:update', { id, changes }, ack),
      (updated) => this.#upsertFollowUp(updated),
    );
  }

  async deleteFollowUp(id: string): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit(
      (ack) => socket.emit('followup:delete', { id }, ack),
      () => this.#set({ followUps: this.#state.followUps.filter((f) => f.id !== id) }),
    );
  }

  /**
   * Resolves with the follow-ups made (none for items that had one), undefined on failure; all
   * owned by `ownerId`, or unassigned when null.
   */
  async followUpsFromRound(
    roundId: string,
    top: number,
    ownerId: string | null,
  ): Promise<FollowUp[] | undefined> {
    const socket = this.session.provider.socket;
    const owner = ownerId ? { memberId: ownerId } : null;
    return this.#emit<FollowUp[]>(
      (ack) => socket.emit('followup:from-round', { roundId, top, owner }, ack),
      (created) => {
        for (const followUp of created) this.#upsertFollowUp(followUp);
      },
    );
  }

  async saveSnapshot(name: string | undefined): Promise<void> {
    const socket = this.session.provider.socket;
    const body = name ? { name } : {};
    await this.#emit<Snapshot>(
      (ack) => socket.emit('snapshot:create', body, ack),
      (snapshot) => {
        const rest = this.#state.snapshots.filter((s) => s.id !== snapshot.id);
        this.#set({ snapshots: [snapshot, ...rest] });
      },
    );
  }

  /** A new title for the board (facilitators): true once the server has it. */
  async rename(title: string): Promise<boolean> {
    const socket = this.session.provider.socket;
    const renamed = await this.#emit<RenamedBoard>(
      (ack) => socket.emit('board:rename', { title }, ack),
      (changed) => this.#set({ title: changed.board.title }),
    );
    return renamed !== undefined;
  }

  /**
   * Another language for the board (facilitators): its exports' words, and its template's labels
   * where nobody changed them. True once the server has it.
   */
  async setLanguage(language: Language): Promise<boolean> {
    const body = { language } satisfies UpdateBoardBody;
    const changed = await this.#run(() =>
      this.session.api<RenamedBoard>('', { method: 'PATCH', body }),
    );
    if (changed) this.#set({ title: changed.board.title, language: changed.board.language });
    return changed !== undefined;
  }

  /** A new link for `role` (facilitators): the role's old link opens the board no more. */
  newLink(role: Role): Promise<NewKeyResponse | undefined> {
    return this.#run(() => newRoleLink(this.session.api, this.session.board.id, role));
  }

  /** Takes a member off the board (facilitators): true once the server has. */
  /** `erase`: their name goes too, at their request (ERASED_MEMBER_NAME). */
  removeMember(memberId: string, erase = false): Promise<boolean> {
    return this.#deleted(`/members/${encodeURIComponent(memberId)}`, erase ? { erase } : undefined);
  }

  /**
   * Deletes the board for everyone (facilitators): true once the server has. The page then
   * hears `board_deleted`, as everyone on the board does, and shows it.
   */
  deleteBoard(): Promise<boolean> {
    return this.#deleted('');
  }

  /** DELETE on the board's `route`: true once the server has (its 204 has no body). */
  async #deleted(route: string, body?: object): Promise<boolean> {
    const done = await this.#run(async () => {
      await this.session.api(route, { method: 'DELETE', ...(body ? { body } : {}) });
      return true;
    });
    return done === true;
  }

  /** Deletes a saved version for everyone (facilitators): true once the server has. */
  async deleteSnapshot(snapshotId: string): Promise<boolean> {
    const socket = this.session.provider.socket;
    const done = await this.#emit((ack) => socket.emit('snapshot:delete', { snapshotId }, ack));
    return done !== undefined;
  }

  async restoreSnapshot(snapshotId: string): Promise<void> {
    const socket = this.session.provider.socket;
    await this.#emit((ack) => socket.emit('snapshot:restore', { snapshotId }, ack));
    await this.#refreshSnapshots();
  }
}

/** One store per live connection: a new session (reconnect to another board) gets its own. */
const stores = new WeakMap<BoardSession['provider'], WorkshopStore>();

export function workshopStoreFor(session: BoardSession): WorkshopStore {
  let store = stores.get(session.provider);
  if (!store) {
    store = new WorkshopStore(session);
    stores.set(session.provider, store);
  }
  return store;
}
