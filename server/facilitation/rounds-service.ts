/**
 * Dot voting. The server holds the rules: budgets, per-item caps, targets, anonymity and the
 * clock. Anonymous rounds keep tallies and other members' votes on the server until they close.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Language } from '../../shared/api.ts';
import {
  type ItemPlacement,
  itemLabel,
  itemsOf,
  readItem,
  readPlacement,
  shortened,
} from '../../shared/board-document.ts';
import {
  type CloseRoundResponse,
  DEFAULT_VOTE_TARGETS,
  type ExcludedResult,
  insideFrame,
  openRoundBody,
  type RoundView,
  type VoteResponse,
} from '../../shared/facilitation.ts';
import { rankTallies } from '../../shared/ranking.ts';
import type { Member } from '../../shared/roles.ts';
import { BOARD_WORDS } from '../boards/board-words.ts';
import type { DocumentKey } from '../documents/document-key.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import { AppError } from '../errors.ts';
import type { RoundsRepository, StoredRound } from '../store/rounds-repository.ts';
import type { TransactionBatch } from '../store/transaction-batch.ts';
import type { BoardEvents, ConnectionId } from './board-events.ts';
import { requireRole } from './roles.ts';

/** Progress events per round are at most this often (the last vote is always announced). */
const PROGRESS_INTERVAL_MS = 100;

/** An open round as the service keeps it: its rules, read once, and its progress events. */
interface OpenRound {
  stored: StoredRound;
  /** A progress event is scheduled. */
  progressDue: boolean;
  progressSentAt: number;
  /** The last `round:progress` sent, as JSON: one that says nothing new is not sent again. */
  progressSent?: string;
}

export interface RoundsHooks {
  /** Runs before a round opens (follow-through takes a snapshot here, named after the round). */
  beforeOpen?: (boardId: string, round: { id: string; title: string }) => void;
}

export class RoundsService {
  readonly #repository: RoundsRepository;
  readonly #documents: DocumentRegistry;
  readonly #events: () => BoardEvents;
  readonly #writes: TransactionBatch;
  /** The board's language, for the words the service writes (a round's default title). */
  readonly #language: (boardId: string) => Language;
  /** The timer that closes each timed open round, by round id. */
  readonly #timers = new Map<string, { boardId: string; timer: NodeJS.Timeout }>();
  /** What the service keeps of each open round, by round id, until it closes. */
  readonly #open = new Map<string, OpenRound>();
  /**
   * Whether each board has an anonymous round open, for the boards presence asked about (at
   * every cursor a participant moves: read from the store once, then kept in step here).
   */
  readonly #anonymousOpen = new Map<string, boolean>();
  hooks: RoundsHooks = {};
  #stopped = false;

  constructor(
    repository: RoundsRepository,
    documents: DocumentRegistry,
    events: () => BoardEvents,
    writes: TransactionBatch,
    language: (boardId: string) => Language,
  ) {
    this.#writes = writes;
    this.#language = language;
    this.#repository = repository;
    this.#documents = documents;
    this.#events = events;
  }

  /** At start: close rounds whose time ran out while the server was down; time the rest. */
  resume(now = Date.now()): void {
    for (const stored of this.#repository.openWithDeadline()) {
      if (stored.closesAtMs !== null && stored.closesAtMs <= now) {
        this.#close(stored, stored.closesAtMs);
      } else {
        this.#schedule(stored);
      }
    }
  }

  stop(): void {
    this.#stopped = true;
    for (const { timer } of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  /** The board was deleted: its rounds' timers and what is kept of them go. */
  forget(boardId: string): void {
    for (const [id, { boardId: of, timer }] of this.#timers) {
      if (of !== boardId) continue;
      clearTimeout(timer);
      this.#timers.delete(id);
    }
    for (const [id, open] of this.#open) {
      if (open.stored.boardId === boardId) this.#open.delete(id);
    }
    this.unloaded(boardId);
  }

  /** The board left memory: whether it has an anonymous round open is read again when asked. */
  unloaded(boardId: string): void {
    this.#anonymousOpen.delete(boardId);
  }

  /**
   * While an anonymous round is open, a participant's cursor, selection and view stay theirs:
   * a named cursor resting on a vote dot said who voted for what (QA; SPEC: nothing a
   * participant receives names another member's votes while it is open). Presence asks.
   */
  hidesWhereabouts(key: DocumentKey, member: Member): boolean {
    if (key.owner !== undefined || member.role !== 'participant') return false;
    let open = this.#anonymousOpen.get(key.boardId);
    if (open === undefined) {
      open = this.#repository.openFor(key.boardId)?.round.anonymous === true;
      this.#anonymousOpen.set(key.boardId, open);
    }
    return open;
  }

  open(member: Member, input: unknown, now = Date.now()): RoundView {
    requireRole(member, 'facilitator');
    const body = openRoundBody.parse(input);
    const boardId = member.boardId;
    if (body.frameId != null) {
      const frame = this.#item(boardId, body.frameId);
      if (frame?.type !== 'frame') {
        throw new AppError('frame_not_found', 'frameId must be the id of a frame on this board.');
      }
    }
    const already = this.#repository.openFor(boardId);
    // A round past its deadline is closed, as its timer would have: a clock that jumped ahead
    // (a VM resumed, NTP stepped) leaves the timer asleep for the time the clock skipped.
    if (already?.closesAtMs != null && already.closesAtMs <= now) {
      this.#close(already, already.closesAtMs);
    } else if (already) {
      throw new AppError('round_already_open', 'Close the open round before opening another.');
    }
    const id = uuidv7();
    const count = this.#repository.list(boardId).length;
    const title = body.title || BOARD_WORDS[this.#language(boardId)].round(count + 1);
    this.hooks.beforeOpen?.(boardId, { id, title });
    const durationSec = body.durationSec ?? null;
    const stored = this.#repository.insert({
      id,
      boardId,
      title,
      budget: body.budget,
      maxPerItem: body.maxPerItem ?? body.budget,
      itemTypes: body.itemTypes ?? [...DEFAULT_VOTE_TARGETS],
      frameId: body.frameId ?? null,
      anonymous: body.anonymous,
      durationSec,
      openedAt: now,
      closesAt: durationSec === null ? null : now + durationSec * 1000,
    });
    this.#schedule(stored);
    this.#anonymousOpen.set(boardId, stored.round.anonymous);
    this.#events().toBoard(boardId, 'round:opened', stored.round);
    return this.#view(stored, member);
  }

  /**
   * Casts a vote; the answer comes once it is committed. Votes and retractions arriving in the
   * same event-loop turn share one transaction (TransactionBatch), in arrival order.
   */
  castVote(member: Member, roundId: string, itemId: string, origin?: ConnectionId) {
    return this.#commitMine(member, roundId, origin, () => this.#vote(member, roundId, itemId));
  }

  /** Retracts one of my votes, committed and ordered like castVote. */
  retractVote(member: Member, roundId: string, itemId: string, origin?: ConnectionId) {
    return this.#commitMine(member, roundId, origin, () => this.#retract(member, roundId, itemId));
  }

  /**
   * Commits a cast or retraction, then tells the member's other connections (another tab, or
   * all of them after a vote over HTTP) what their votes are now.
   */
  async #commitMine(
    member: Member,
    roundId: string,
    origin: ConnectionId | undefined,
    change: () => VoteResponse,
  ): Promise<VoteResponse> {
    const mine = await this.#writes.run(change);
    this.#events().toMember(member, origin, 'round:mine', { roundId, ...mine });
    return mine;
  }

  #vote(member: Member, roundId: string, itemId: string, now = Date.now()): VoteResponse {
    requireRole(member, 'participant', 'facilitator');
    const stored = this.#openRound(member.boardId, roundId, now);
    const item = this.#item(member.boardId, itemId);
    if (!item) throw new AppError('item_not_found', 'There is no such item on this board.');
    this.#checkTarget(stored, item);
    const result = this.#repository.castVote(stored.round, member.id, itemId, now);
    this.#progress(stored);
    return result;
  }

  #retract(member: Member, roundId: string, itemId: string, now = Date.now()): VoteResponse {
    requireRole(member, 'participant', 'facilitator');
    const stored = this.#openRound(member.boardId, roundId, now);
    const result = this.#repository.retractVote(stored.round, member.id, itemId);
    this.#progress(stored);
    return result;
  }

  close(member: Member, roundId: string, now = Date.now()): CloseRoundResponse {
    requireRole(member, 'facilitator');
    const stored = this.#find(member.boardId, roundId);
    if (stored.round.status === 'closed') {
      throw new AppError('round_closed', 'This voting round is already closed.');
    }
    return this.#close(stored, now);
  }

  get(member: Member, roundId: string): RoundView {
    return this.#view(this.#find(member.boardId, roundId), member);
  }

  list(member: Member): RoundView[] {
    return this.#repository.list(member.boardId).map((stored) => this.#view(stored, member));
  }

  /** Every round of a board, oldest first, with frozen results once closed: for exports. */
  history(boardId: string): CloseRoundResponse[] {
    return this.#repository.list(boardId).map((stored) => ({
      round: stored.round,
      results: stored.results ?? [],
      excluded: stored.excluded ?? [],
    }));
  }

  #find(boardId: string, roundId: string): StoredRound {
    const stored = this.#repository.get(roundId, boardId);
    if (!stored) throw new AppError('round_not_found', 'There is no such round on this board.');
    return stored;
  }

  /**
   * An open round whose time has not run out. Past its deadline the vote is refused and the
   * round's timer is set to close it at once: a close here would be inside the vote's
   * transaction, and roll back with the refusal. At once, whether it had a timer or not: after
   * the clock jumps ahead, the one it has still waits for the time the clock skipped (QA: the
   * round refused every vote and stayed open for its whole duration).
   */
  #openRound(boardId: string, roundId: string, now: number): StoredRound {
    const stored = this.#rules(boardId, roundId);
    if (!stored) throw new AppError('round_not_found', 'There is no such round on this board.');
    if (stored.round.status === 'open' && stored.closesAtMs !== null && stored.closesAtMs <= now) {
      this.#schedule(stored);
      throw new AppError('round_closed', 'This voting round has ended.');
    }
    if (stored.round.status !== 'open') {
      throw new AppError('round_closed', 'This voting round is closed.');
    }
    return stored;
  }

  /**
   * An open round's rules, read once: budget, caps, targets and deadline never change while it
   * is open, and the vote's own transaction checks that it still is (RoundsRepository).
   */
  #rules(boardId: string, roundId: string): StoredRound | undefined {
    const cached = this.#open.get(roundId)?.stored;
    if (cached) return cached.boardId === boardId ? cached : undefined;
    const stored = this.#repository.rules(roundId, boardId);
    if (stored?.round.status === 'open') {
      this.#open.set(roundId, { stored, progressDue: false, progressSentAt: 0 });
    }
    return stored;
  }

  #item(boardId: string, itemId: string): ItemPlacement | null {
    const doc = this.#documents.open({ boardId }).doc;
    return readPlacement(itemsOf(doc).get(itemId));
  }

  #checkTarget(stored: StoredRound, item: ItemPlacement): void {
    const { itemTypes, frameId } = stored.round;
    if (!itemTypes.includes(item.type)) {
      throw new AppError('not_a_target', `This round takes votes on ${itemTypes.join(', ')} only.`);
    }
    const frameOf = (id: string) => this.#item(stored.boardId, id);
    if (frameId !== null && !insideFrame(item, frameId, frameOf)) {
      throw new AppError('not_a_target', 'This round takes votes only on items inside its frame.');
    }
  }

  #close(stored: StoredRound, closedAt: number): CloseRoundResponse {
    this.#open.delete(stored.round.id);
    this.#anonymousOpen.set(stored.boardId, false);
    clearTimeout(this.#timers.get(stored.round.id)?.timer);
    this.#timers.delete(stored.round.id);
    const doc = this.#documents.open({ boardId: stored.boardId }).doc;
    const items = itemsOf(doc);
    const counted = new Map<string, number>();
    const excluded: ExcludedResult[] = [];
    for (const [itemId, votes] of this.#repository.tallies(stored.round.id)) {
      if (items.has(itemId)) counted.set(itemId, votes);
      else excluded.push({ itemId, votes, reason: 'item_deleted' });
    }
    // Each with its words as they are now, so the results still read once an item is deleted.
    const results = rankTallies(counted).map((result) => {
      const label = shortened(itemLabel(readItem(result.itemId, items.get(result.itemId))), 200);
      return label ? { ...result, label } : result;
    });
    if (!this.#repository.close(stored.round.id, closedAt, results, excluded)) {
      throw new AppError('round_closed', 'This voting round is already closed.');
    }
    const closed = this.#find(stored.boardId, stored.round.id);
    const response = { round: closed.round, results, excluded };
    this.#events().toBoard(stored.boardId, 'round:closed', response);
    return response;
  }

  /** Times the round's close (again: a timer it had already is replaced). */
  #schedule(stored: StoredRound): void {
    if (stored.closesAtMs === null || stored.round.status !== 'open') return;
    clearTimeout(this.#timers.get(stored.round.id)?.timer);
    const delay = Math.max(0, stored.closesAtMs - Date.now());
    const timer = setTimeout(() => {
      this.#timers.delete(stored.round.id);
      const current = this.#repository.get(stored.round.id, stored.boardId);
      if (current?.round.status === 'open') this.#close(current, stored.closesAtMs!);
    }, delay);
    timer.unref();
    this.#timers.set(stored.round.id, { boardId: stored.boardId, timer });
  }

  /**
   * After casts or retractions: progress goes to everyone at most every PROGRESS_INTERVAL_MS per
   * round, however many votes arrived (a storm of 2,000 votes would otherwise send an event to
   * every member for every event-loop turn it spans), and always after the last vote.
   */
  #progress(stored: StoredRound): void {
    const id = stored.round.id;
    const open = this.#open.get(id);
    if (!open || open.progressDue) return;
    open.progressDue = true;
    const wait = open.progressSentAt + PROGRESS_INTERVAL_MS - performance.now();
    const send = () => this.#sendProgress(id);
    if (wait > 0) setTimeout(send, wait).unref();
    else setImmediate(send);
  }

  #sendProgress(roundId: string): void {
    const open = this.#open.get(roundId);
    // Votes answered in the server's last turn must not announce after the database closed;
    // a round closed meanwhile has announced its results instead.
    if (this.#stopped || !open) return;
    open.progressDue = false;
    open.progressSentAt = performance.now();
    this.#sendRoundProgress(open);
  }

  /** A count for everyone; tallies only when not anonymous; participation to facilitators. */
  #sendRoundProgress(open: OpenRound): void {
    const { stored } = open;
    const current = this.#repository.get(stored.round.id, stored.boardId);
    if (current?.round.status !== 'open') return;
    const { round } = current;
    const events = this.#events();
    const progress = {
      roundId: round.id,
      voters: round.voters,
      ...(round.anonymous ? {} : { results: rankTallies(this.#repository.tallies(round.id)) }),
    };
    // In an anonymous round most votes change nothing everyone sees (a member's second vote
    // leaves the count of voters as it was): every member need not hear it again.
    const json = JSON.stringify(progress);
    if (open.progressSent !== json) {
      open.progressSent = json;
      events.toBoard(stored.boardId, 'round:progress', progress);
    }
    events.toRole(stored.boardId, 'facilitator', 'round:participation', {
      roundId: round.id,
      participation: this.#repository.participation(round.id),
    });
  }

  #view(stored: StoredRound, member: Member): RoundView {
    const { round } = stored;
    const { myVotes, used } = this.#repository.ballot(round.id, member.id);
    const view: RoundView = { round, myVotes, remaining: Math.max(0, round.budget - used) };
    if (round.status === 'closed') {
      view.results = stored.results ?? [];
      view.excluded = stored.excluded ?? [];
    } else if (!round.anonymous) {
      view.results = rankTallies(this.#repository.tallies(round.id));
    }
    if (member.role === 'facilitator') {
      view.participation = this.#repository.participation(round.id);
    }
    return view;
  }
}
