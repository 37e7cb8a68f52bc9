/** A board's facilitation state: lock, phase, timer, silent writing, writers' names shown. */
import { randomBytes } from 'node:crypto';
import { type TimerState, UNTOUCHED_BOARD_STATE } from '../../shared/facilitation.ts';
import type { Db } from './database.ts';

export interface StoredBoardState {
  locked: boolean;
  phase: string | null;
  timer: TimerState;
  silentWriting: boolean;
  /** Whether the board shows who wrote each note (docs/API.md, "Writers' names"). */
  showNames: boolean;
}

interface Row {
  locked: number;
  phase: string | null;
  timer: string;
  silent_writing: number;
  show_names: number;
}

export class BoardStateRepository {
  readonly #select;
  readonly #upsert;
  readonly #keepRevealKey;
  readonly #selectRevealKey;

  constructor(db: Db) {
    this.#select = db.prepare<[string], Row>(
      'SELECT locked, phase, timer, silent_writing, show_names FROM board_state WHERE board_id = ?',
    );
    this.#upsert = db.prepare(
      `INSERT INTO board_state (board_id, locked, phase, timer, silent_writing, show_names)
       VALUES (@boardId, @locked, @phase, @timer, @silentWriting, @showNames)
       ON CONFLICT (board_id) DO UPDATE SET locked = excluded.locked, phase = excluded.phase,
         timer = excluded.timer, silent_writing = excluded.silent_writing,
         show_names = excluded.show_names`,
    );
    this.#keepRevealKey = db.prepare<[string, Buffer]>(
      `INSERT INTO board_state (board_id, locked, phase, timer, silent_writing, reveal_key)
       VALUES (?, 0, NULL, '{"status":"idle"}', 0, ?)
       ON CONFLICT (board_id) DO UPDATE
         SET reveal_key = coalesce(board_state.reveal_key, excluded.reveal_key)`,
    );
    this.#selectRevealKey = db
      .prepare<[string], Buffer>('SELECT reveal_key FROM board_state WHERE board_id = ?')
      .pluck();
  }

  /**
   * The board's secret for naming notes revealed without their writer (silent-writing-service):
   * 256 random bits, made the first time it is asked for and kept for good, never sent out.
   */
  revealKey(boardId: string): Buffer {
    const kept = this.#selectRevealKey.get(boardId);
    if (kept) return kept;
    this.#keepRevealKey.run(boardId, randomBytes(32));
    return this.#selectRevealKey.get(boardId)!;
  }

  get(boardId: string): StoredBoardState {
    const row = this.#select.get(boardId);
    if (!row) return { ...UNTOUCHED_BOARD_STATE };
    return {
      locked: row.locked === 1,
      phase: row.phase,
      timer: JSON.parse(row.timer) as TimerState,
      silentWriting: row.silent_writing === 1,
      showNames: row.show_names === 1,
    };
  }

  save(boardId: string, state: StoredBoardState): void {
    this.#upsert.run({
      boardId,
      locked: state.locked ? 1 : 0,
      phase: state.phase,
      timer: JSON.stringify(state.timer),
      silentWriting: state.silentWriting ? 1 : 0,
      showNames: state.showNames ? 1 : 0,
    });
  }
}
