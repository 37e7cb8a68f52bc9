/**
 * The workshop's shared client state: rounds, my votes, follow-ups, snapshots, board state
 * and my private document. One store per board session, fed by the typed Socket.io events,
 * so the panels, every ItemOverlay and the outline view always agree. What it holds and its
 * pure updates are in workshop-state.ts, its requests' plumbing in workshop-requests.ts; the
 * lock, timer and silent writing's buttons (`controls`) in facilitator-controls.ts, and the
 * board's administration (`admin`) in board-admin.ts.
 */
import type * as Y from 'yjs';
import type { Board, ListMembersResponse } from '../../../shared/api.ts';
import type {
  BoardState,
  CloseRoundResponse,
  OpenRoundBody,
  RoundView,
  SilentProgress,
  VoteResponse,
} from '../../../shared/facilitation.ts';
import type {
  CreateFollowUpBody,
  FollowUp,
  Snapshot,
  UpdateFollowUpBody,
} from '../../../shared/follow-through.ts';
import type { BoardSession } from '../board/board-session.ts';
import { membersHere } from '../board/presence.ts';
import { learnServerTime } from '../sync/server-clock.ts';
import { NewlyMine } from './assigned-to-me.ts';
import { BoardAdmin } from './board-admin.ts';
import { FacilitatorControls } from './facilitator-controls.ts';
import { ask } from './socket-request.ts';
import { WorkshopRequests } from './workshop-requests.ts';
import {
  closeRound,
  initialState,
  patchRound,
  restoredWhileAway,
  settled,
  upsertFollowUp,
  upsertRound,
  type WorkshopState,
} from './workshop-state.ts';

type Listener = () => void;

export class WorkshopStore {
  #state: WorkshopState;
  readonly #listeners = new Set<Listener>();
  readonly session: BoardSession;
  readonly #socket: BoardSession['provider']['socket'];
  /** When the connection last dropped, until the versions list has been read again. */
  #disconnectedAt: number | null = null;
  #lastHeardAt: number | null = null;
  readonly #requests: WorkshopRequests;
  /** The lock, the timer and silent writing: a click acts on what its facilitator saw. */
  readonly controls: FacilitatorControls;
  /** The board's title, language, role links, members and deletion (facilitators). */
  readonly admin: BoardAdmin;
  readonly #newlyMine = new NewlyMine();

  constructor(session: BoardSession) {
    this.session = session;
    // Opened from the copy this browser kept: the board's state as it was then, until the
    // server says it (a note written offline during silent writing stays private).
    this.#state = { ...initialState(session.board), boardState: session.copy?.boardState ?? null };
    const socket = session.provider.socket;
    this.#socket = socket;
    this.#requests = new WorkshopRequests(session.provider, {
      get: () => this.#state.error,
      set: (error) => this.#set({ error }),
    });
    this.controls = new FacilitatorControls({
      session,
      requests: this.#requests,
      getState: this.getState,
      set: (change) => this.#set(change),
      setBoardState: (state) => this.#setBoardState(state),
    });
    this.admin = new BoardAdmin(session, this.#requests, (change) => this.#set(change));
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
    socket.on('round:opened', (round) => this.#setRounds(upsertRound(this.#state.rounds, round)));
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
    socket.on('followup:changed', (followUp) => this.#upsertFollowUps([followUp]));
    socket.on('followup:deleted', ({ id }) => this.#deleteFollowUp(id));
    socket.on('snapshot:created', (snapshot) => this.#addSnapshot(snapshot));
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
    this.#state = settled(before, { ...before, ...change });
    // Told once, here, for the announcer and the Follow-ups tab alike.
    const { followUps, followUpsLoaded } = this.#state;
    if (followUpsLoaded && followUps !== before.followUps) {
      const given = this.#newlyMine.next(followUps, this.session.me.id);
      if (given.length > 0) this.#state = { ...this.#state, givenToMe: given };
    }
    for (const listener of this.#listeners) listener();
  }

  /** Everything the server holds, again: on start and after every reconnect. */
  async refresh(): Promise<void> {
    const socket = this.#socket;
    await Promise.all([
      this.#requests
        .read(() => ask<RoundView[]>((ack) => socket.emit('round:list', ack)))
        .then((rounds) => rounds && this.#set({ rounds })),
      this.#requests
        .read(() => ask<FollowUp[]>((ack) => socket.emit('followup:list', ack)))
        .then((followUps) => followUps && this.#set({ followUps, followUpsLoaded: true })),
      this.#refreshSnapshots(),
      // board:state arrives once per connection; a store made after it asks over HTTP.
      this.#state.boardState
        ? Promise.resolve()
        : this.#requests
            .read(() => this.session.api<BoardState>('/state'))
            .then((state) => state && !this.#state.boardState && this.#setBoardState(state)),
    ]);
  }

  async #refreshSnapshots(): Promise<void> {
    const socket = this.#socket;
    const snapshots = await this.#requests.read(() =>
      ask<Snapshot[]>((ack) => socket.emit('snapshot:list', ack)),
    );
    if (!snapshots) return;
    this.#set({ snapshots });
    // A restore while I was away replaced what I had and may have dropped edits I sent on
    // reconnecting: say so, as the live event would have (QA: it went unsaid).
    const since = this.#disconnectedAt;
    if (since === null || !socket.connected) return;
    this.#disconnectedAt = null;
    const serverSince = since + this.#state.clockOffsetMs;
    const restored = restoredWhileAway(snapshots, serverSince, this.#state.restored, Date.now());
    if (restored) this.#set({ restored });
  }

  clearError(): void {
    this.#set({ error: null });
  }

  #setBoardState(boardState: BoardState): void {
    const namesShown = boardState.showNames && !this.#state.boardState?.showNames;
    const notice = this.controls.noticeAfter(boardState, this.#state.notice);
    this.#set({ boardState, clockOffsetMs: learnServerTime(boardState.serverNow), notice });
    if (namesShown) void this.#loadWriters();
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

  /** New rounds, where they are new: a patch of a round not known changes nothing. */
  #setRounds(rounds: RoundView[]): void {
    if (rounds !== this.#state.rounds) this.#set({ rounds });
  }

  #patchRound(roundId: string, patch: (view: RoundView) => RoundView): void {
    this.#setRounds(patchRound(this.#state.rounds, roundId, patch));
  }

  #applyClosed(closed: CloseRoundResponse): void {
    // A round that just closed is what everyone wants to see, whatever was picked before.
    this.#set({ rounds: closeRound(this.#state.rounds, closed), shownRoundId: null });
  }

  #upsertFollowUps(changed: readonly FollowUp[]): void {
    const followUps = changed.reduce(upsertFollowUp, this.#state.followUps);
    if (followUps !== this.#state.followUps) this.#set({ followUps });
  }

  #deleteFollowUp(id: string): void {
    this.#set({ followUps: this.#state.followUps.filter((f) => f.id !== id) });
  }

  #addSnapshot(snapshot: Snapshot): void {
    const rest = this.#state.snapshots.filter((s) => s.id !== snapshot.id);
    this.#set({ snapshots: [snapshot, ...rest] });
  }

  setPrivateDoc(privateDoc: Y.Doc | null): void {
    if (this.#state.privateDoc !== privateDoc) this.#set({ privateDoc });
  }

  showRound(roundId: string | null): void {
    this.#set({ shownRoundId: roundId });
  }

  // Voting ---------------------------------------------------------------------------------

  async openRound(body: OpenRoundBody): Promise<boolean> {
    const view = await this.#requests.emit<RoundView>(
      (ack) => this.#socket.emit('round:open', body, ack),
      (opened) => this.#setRounds(upsertRound(this.#state.rounds, opened.round, opened)),
    );
    return view !== undefined;
  }

  async closeRound(roundId: string): Promise<void> {
    await this.#requests.emit<CloseRoundResponse>(
      (ack) => this.#socket.emit('round:close', { roundId }, ack),
      (closed) => this.#applyClosed(closed),
    );
  }

  async vote(roundId: string, itemId: string): Promise<void> {
    await this.#requests.emit<VoteResponse>(
      (ack) => this.#socket.emit('round:vote', { roundId, itemId }, ack),
      (reply) => this.#patchRound(roundId, (view) => ({ ...view, ...reply })),
    );
  }

  async retract(roundId: string, itemId: string): Promise<void> {
    await this.#requests.emit<VoteResponse>(
      (ack) => this.#socket.emit('round:retract', { roundId, itemId }, ack),
      (reply) => this.#patchRound(roundId, (view) => ({ ...view, ...reply })),
    );
  }

  // Board state ----------------------------------------------------------------------------

  async setShowNames(shown: boolean): Promise<void> {
    await this.#requests.emit<BoardState>(
      (ack) => this.#socket.emit('board:names', { shown }, ack),
      (state) => this.#setBoardState(state),
    );
  }

  async setPhase(phase: string | null): Promise<void> {
    await this.#requests.emit<BoardState>(
      (ack) => this.#socket.emit('board:phase', { phase }, ack),
      (state) => this.#setBoardState(state),
    );
  }

  /** Asks how far the writing has come (facilitators), as the silent-writing controls show. */
  async loadSilentProgress(): Promise<void> {
    await this.#requests.emit<SilentProgress>(
      (ack) => this.#socket.emit('silent:progress', {}, ack),
      (silentProgress) => this.#set({ silentProgress }),
    );
  }

  async summon(viewport: { x: number; y: number; zoom: number }): Promise<void> {
    await this.#requests.emit((ack) => this.#socket.emit('presence:summon', { viewport }, ack));
  }

  // Follow-ups and snapshots ---------------------------------------------------------------

  async createFollowUp(body: CreateFollowUpBody): Promise<boolean> {
    const created = await this.#requests.emit<FollowUp>(
      (ack) => this.#socket.emit('followup:create', body, ack),
      (made) => this.#upsertFollowUps([made]),
    );
    return created !== undefined;
  }

  async updateFollowUp(id: string, changes: UpdateFollowUpBody): Promise<void> {
    await this.#requests.emit<FollowUp>(
      (ack) => this.#socket.emit('followup:update', { id, changes }, ack),
      (updated) => this.#upsertFollowUps([updated]),
    );
  }

  async deleteFollowUp(id: string): Promise<void> {
    await this.#requests.emit(
      (ack) => this.#socket.emit('followup:delete', { id }, ack),
      () => this.#deleteFollowUp(id),
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
    const owner = ownerId ? { memberId: ownerId } : null;
    return this.#requests.emit<FollowUp[]>(
      (ack) => this.#socket.emit('followup:from-round', { roundId, top, owner }, ack),
      (created) => this.#upsertFollowUps(created),
    );
  }

  async saveSnapshot(name: string | undefined): Promise<void> {
    const body = name ? { name } : {};
    await this.#requests.emit<Snapshot>(
      (ack) => this.#socket.emit('snapshot:create', body, ack),
      (snapshot) => this.#addSnapshot(snapshot),
    );
  }

  /** Deletes a saved version for everyone (facilitators): true once the server has. */
  async deleteSnapshot(snapshotId: string): Promise<boolean> {
    const done = await this.#requests.emit((ack) =>
      this.#socket.emit('snapshot:delete', { snapshotId }, ack),
    );
    return done !== undefined;
  }

  async restoreSnapshot(snapshotId: string): Promise<void> {
    await this.#requests.emit((ack) => this.#socket.emit('snapshot:restore', { snapshotId }, ack));
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
