/** A board's facilitation state: lock, phase, timer, silent writing. */
import type { TimerState } from '../../shared/facilitation.ts';
import type { Db } from './database.ts';

export interface StoredBoardState {
  locked: boolean;
  phase: string | null;
  timer: TimerState;
  silentWriting: boolean;
}

interface Row {
  locked: number;
  phase: string | null;
  timer: string;
  silent_writing: number;
}

export class BoardStateRepository {
  readonly #select;
  readonly #upsert;

  constructor(db: Db) {
    this.#select = db.prepare<[string], Row>(
      'SELECT locked, phase, timer, silent_writing FROM board_state WHERE board_id = ?',
    );
    this.#upsert = db.prepare(
      `INSERT INTO board_state (board_id, locked, phase, timer, silent_writing)
       VALUES (@boardId, @locked, @phase, @timer, @silentWriting)
       ON CONFLICT (board_id) DO UPDATE SET locked = excluded.locked, phase = excluded.phase,
         timer = excluded.timer, silent_writing = excluded.silent_writing`,
    );
  }

  get(boardId: string): StoredBoardState {
    const row = this.#select.get(boardId);
    if (!row)
      return { locked: false, phase: null, timer: { status: 'idle' }, silentWriting: false };
    return {
      locked: row.locked === 1,
      phase: row.phase,
      timer: JSON.parse(row.timer) as TimerState,
      silentWriting: row.silent_writing === 1,
    };
  }

  save(boardId: string, state: StoredBoardState): void {
    this.#upsert.run({
      boardId,
      locked: state.locked ? 1 : 0,
      phase: state.phase,
      timer: JSON.stringify(state.timer),
      silentWriting: state.silentWriting ? 1 : 0,
    });
  }
}
