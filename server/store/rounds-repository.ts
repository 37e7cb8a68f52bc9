/** Voting rounds and their ballots. Every cast is checked and written in one transaction. */
import type { ItemType } from '../../shared/board-document.ts';
import type {
  ExcludedResult,
  Participation,
  Round,
  RoundResult,
} from '../../shared/facilitation.ts';
import { AppError } from '../errors.ts';
import type { Db } from './database.ts';

interface RoundRow {
  id: string;
  board_id: string;
  title: string;
  status: 'open' | 'closed';
  budget: number;
  max_per_item: number;
  item_types: string;
  frame_id: string | null;
  anonymous: number;
  duration_sec: number | null;
  opened_at: number;
  closes_at: number | null;
  closed_at: number | null;
  results: string | null;
  excluded: string | null;
}

export interface NewRound {
  id: string;
  boardId: string;
  title: string;
  budget: number;
  maxPerItem: number;
  itemTypes: ItemType[];
  frameId: string | null;
  anonymous: boolean;
  durationSec: number | null;
  openedAt: number;
  closesAt: number | null;
}

/** A round with what the database knows beyond the public shape. */
export interface StoredRound {
  round: Round;
  boardId: string;
  closesAtMs: number | null;
  results: RoundResult[] | null;
  excluded: ExcludedResult[] | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What a cast or a retraction leaves the member with. */
interface VoteOutcome {
  remaining: number;
  myVotes: Record<string, number>;
}

export class RoundsRepository {
  readonly #statements;
  // Compiled once (better-sqlite3 builds a transaction function's wrappers on every call).
  readonly #castVote;
  readonly #retractVote;

  constructor(db: Db) {
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO rounds (id, board_id, title, status, budget, max_per_item, item_types,
           frame_id, anonymous, duration_sec, opened_at, closes_at)
         VALUES (@id, @boardId, @title, 'open', @budget, @maxPerItem, @itemTypes, @frameId,
           @anonymous, @durationSec, @openedAt, @closesAt)`,
      ),
      get: db.prepare<[string, string], RoundRow>(
        'SELECT * FROM rounds WHERE id = ? AND board_id = ?',
      ),
      openFor: db.prepare<[string], RoundRow>(
        "SELECT * FROM rounds WHERE board_id = ? AND status = 'open'",
      ),
      list: db.prepare<[string], RoundRow>(
        'SELECT * FROM rounds WHERE board_id = ? ORDER BY opened_at, id',
      ),
      openWithDeadline: db.prepare<[], RoundRow>(
        "SELECT * FROM rounds WHERE status = 'open' AND closes_at IS NOT NULL",
      ),
      voters: db
        .prepare<[string], number>('SELECT count(DISTINCT member_id) FROM votes WHERE round_id = ?')
        .pluck(),
      castVote: db.prepare(
        'INSERT INTO votes (round_id, member_id, item_id, cast_at) VALUES (?, ?, ?, ?)',
      ),
      stillMember: db
        .prepare<[string], number>('SELECT 1 FROM members WHERE id = ? AND removed_at IS NULL')
        .pluck(),
      retractVote: db.prepare(
        `DELETE FROM votes WHERE id = (SELECT max(id) FROM votes
           WHERE round_id = ? AND member_id = ? AND item_id = ?)`,
      ),
      myVotes: db.prepare<[string, string], { item_id: string; n: number }>(
        `SELECT item_id, count(*) AS n FROM votes WHERE round_id = ? AND member_id = ?
         GROUP BY item_id`,
      ),
      tallies: db.prepare<[string], { item_id: string; n: number }>(
        'SELECT item_id, count(*) AS n FROM votes WHERE round_id = ? GROUP BY item_id',
      ),
      participation: db.prepare<[string], { member_id: string; name: string; used: number }>(
        `SELECT v.member_id, m.name, count(*) AS used FROM votes v
         JOIN members m ON m.id = v.member_id WHERE v.round_id = ?
         GROUP BY v.member_id ORDER BY m.name, v.member_id`,
      ),
      close: db.prepare(
        `UPDATE rounds SET status = 'closed', closed_at = ?, results = ?, excluded = ?
         WHERE id = ? AND status = 'open'`,
      ),
      status: db.prepare<[string], string>('SELECT status FROM rounds WHERE id = ?').pluck(),
    };
    this.#castVote = db.transaction(
      (round: Round, memberId: string, itemId: string, now: number): VoteOutcome =>
        this.#castVoteNow(round, memberId, itemId, now),
    );
    this.#retractVote = db.transaction(
      (round: Round, memberId: string, itemId: string): VoteOutcome =>
        this.#retractVoteNow(round, memberId, itemId),
    );
  }

  #toStored(row: RoundRow, countVoters = true): StoredRound {
    return {
      boardId: row.board_id,
      closesAtMs: row.closes_at,
      results: row.results ? (JSON.parse(row.results) as RoundResult[]) : null,
      excluded: row.excluded ? (JSON.parse(row.excluded) as ExcludedResult[]) : null,
      round: {
        id: row.id,
        title: row.title,
        status: row.status,
        budget: row.budget,
        maxPerItem: row.max_per_item,
        itemTypes: JSON.parse(row.item_types) as ItemType[],
        frameId: row.frame_id,
        anonymous: row.anonymous === 1,
        durationSec: row.duration_sec,
        openedAt: iso(row.opened_at)!,
        closesAt: iso(row.closes_at),
        closedAt: iso(row.closed_at),
        voters: countVoters ? (this.#statements.voters.get(row.id) ?? 0) : 0,
      },
    };
  }

  /** Inserts an open round; the unique index refuses a second open round on the board. */
  insert(round: NewRound): StoredRound {
    try {
      this.#statements.insert.run({
        ...round,
        itemTypes: JSON.stringify(round.itemTypes),
        anonymous: round.anonymous ? 1 : 0,
      });
    } catch (error) {
      if (String(error).includes('UNIQUE constraint failed: rounds.board_id')) {
        throw new AppError('round_already_open', 'Close the open round before opening another.');
      }
      throw error;
    }
    return this.get(round.id, round.boardId)!;
  }

  get(id: string, boardId: string): StoredRound | undefined {
    const row = this.#statements.get.get(id, boardId);
    return row ? this.#toStored(row) : undefined;
  }

  /** The round's rules and status without counting its voters: for the vote path. */
  rules(id: string, boardId: string): StoredRound | undefined {
    const row = this.#statements.get.get(id, boardId);
    return row ? this.#toStored(row, false) : undefined;
  }

  openFor(boardId: string): StoredRound | undefined {
    const row = this.#statements.openFor.get(boardId);
    return row ? this.#toStored(row) : undefined;
  }

  list(boardId: string): StoredRound[] {
    return this.#statements.list.all(boardId).map((row) => this.#toStored(row));
  }

  openWithDeadline(): StoredRound[] {
    return this.#statements.openWithDeadline.all().map((row) => this.#toStored(row));
  }

  /**
   * Casts one vote if the round is open, the member has budget left and the item is under its
   * cap; all checked and written in one IMMEDIATE transaction, so no interleaving can exceed a
   * limit, even with several processes on one database file.
   */
  castVote(round: Round, memberId: string, itemId: string, now: number): VoteOutcome {
    return this.#castVote.immediate(round, memberId, itemId, now);
  }

  #castVoteNow(round: Round, memberId: string, itemId: string, now: number): VoteOutcome {
    this.#requireOpen(round.id);
    this.#requireMember(memberId);
    // One read gives both limits: the member's votes per item, summed for the budget.
    const { myVotes, used } = this.ballot(round.id, memberId);
    if (used >= round.budget) {
      throw new AppError('budget_exhausted', `You have used all ${round.budget} of your votes.`);
    }
    const onItem = myVotes[itemId] ?? 0;
    if (onItem >= round.maxPerItem) {
      throw new AppError(
        'item_cap_reached',
        `At most ${round.maxPerItem} of your votes can go to one item.`,
      );
    }
    this.#statements.castVote.run(round.id, memberId, itemId, now);
    myVotes[itemId] = onItem + 1;
    return { remaining: round.budget - used - 1, myVotes };
  }

  /**
   * Inside a transaction: the member as stored. A vote authenticated before a facilitator took
   * its member off the board, and committed after, would count (QA).
   */
  #requireMember(memberId: string): void {
    if (this.#statements.stillMember.get(memberId) === undefined) {
      throw new AppError('member_removed', 'A facilitator took you off this board.');
    }
  }

  /** Inside a transaction: the round as stored, not as the caller last saw it. */
  #requireOpen(roundId: string): void {
    if (this.#statements.status.get(roundId) !== 'open') {
      throw new AppError('round_closed', 'This voting round is closed.');
    }
  }

  retractVote(round: Round, memberId: string, itemId: string): VoteOutcome {
    return this.#retractVote.immediate(round, memberId, itemId);
  }

  #retractVoteNow(round: Round, memberId: string, itemId: string): VoteOutcome {
    const s = this.#statements;
    this.#requireOpen(round.id);
    this.#requireMember(memberId);
    if (s.retractVote.run(round.id, memberId, itemId).changes === 0) {
      throw new AppError('vote_not_found', 'You have no vote on that item in this round.');
    }
    const { myVotes, used } = this.ballot(round.id, memberId);
    return { remaining: round.budget - used, myVotes };
  }

  /** A member's votes per item and their sum. */
  ballot(roundId: string, memberId: string): { myVotes: Record<string, number>; used: number } {
    const myVotes: Record<string, number> = {};
    let used = 0;
    for (const row of this.#statements.myVotes.all(roundId, memberId)) {
      myVotes[row.item_id] = row.n;
      used += row.n;
    }
    return { myVotes, used };
  }

  tallies(roundId: string): Map<string, number> {
    return new Map(this.#statements.tallies.all(roundId).map((row) => [row.item_id, row.n]));
  }

  participation(roundId: string): Participation[] {
    return this.#statements.participation
      .all(roundId)
      .map((row) => ({ memberId: row.member_id, name: row.name, used: row.used }));
  }

  /** Freezes the round with its results; false when it was already closed. */
  close(
    roundId: string,
    closedAt: number,
    results: RoundResult[],
    excluded: ExcludedResult[],
  ): boolean {
    const changes = this.#statements.close.run(
      closedAt,
      JSON.stringify(results),
      JSON.stringify(excluded),
      roundId,
    ).changes;
    return changes === 1;
  }
}
