/** Board documents on disk: one compacted state plus an append-only update log per board. */
import type { Db } from './database.ts';

export interface StoredDocument {
  state: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in the log (0 when it is empty). */
  lastSeq: number;
}

export class DocumentsRepository {
  readonly #append;
  readonly #appendMany;
  readonly #selectState;
  readonly #selectUpdates;
  readonly #compact;

  constructor(db: Db) {
    const insert = db.prepare('INSERT INTO document_updates (board_id, data) VALUES (?, ?)');
    this.#append = (boardId: string, update: Uint8Array) =>
      Number(insert.run(boardId, update).lastInsertRowid);
    this.#appendMany = db.transaction((boardId: string, updates: readonly Uint8Array[]) => {
      let seq = 0;
      for (const update of updates) seq = this.#append(boardId, update);
      return seq;
    });
    this.#selectState = db.prepare<[string], { state: Buffer }>(
      'SELECT state FROM document_states WHERE board_id = ?',
    );
    this.#selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE board_id = ? ORDER BY seq',
    );
    const upsertState = db.prepare(
      `INSERT INTO document_states (board_id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    );
    const dropUpdates = db.prepare('DELETE FROM document_updates WHERE board_id = ? AND seq <= ?');
    // One transaction: a crash leaves either the old state and the whole log, or the new
    // state and the log tail it does not cover. Nothing is lost either way.
    this.#compact = db.transaction((boardId: string, state: Uint8Array, throughSeq: number) => {
      upsertState.run(boardId, state, Date.now());
      dropUpdates.run(boardId, throughSeq);
    });
  }

  /** Appends updates in one transaction; returns the sequence number of the last. */
  append(boardId: string, updates: readonly Uint8Array[]): number {
    return this.#appendMany(boardId, updates);
  }

  load(boardId: string): StoredDocument {
    const row = this.#selectState.get(boardId);
    const rows = this.#selectUpdates.all(boardId);
    return {
      state: row ? row.state : null,
      updates: rows.map((r) => r.data),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }

  /** Stores a state that covers every update up to throughSeq, and drops those updates. */
  compact(boardId: string, state: Uint8Array, throughSeq: number): void {
    this.#compact(boardId, state, throughSeq);
  }

  /** Writes a board's first state (its template) when the board is created. */
  initialize(boardId: string, state: Uint8Array): void {
    this.#compact(boardId, state, 0);
  }
}
