/** Snapshots: whole board document states, named or automatic. */
import type { Snapshot, SnapshotReason } from '../../shared/follow-through.ts';
import type { Db } from './database.ts';

interface Row {
  id: string;
  name: string | null;
  reason: SnapshotReason;
  bytes: number;
  created_at: number;
}

const toSnapshot = (row: Row): Snapshot => ({
  id: row.id,
  name: row.name,
  reason: row.reason,
  createdAt: new Date(row.created_at).toISOString(),
  bytes: row.bytes,
});

export class SnapshotsRepository {
  readonly #insert;
  readonly #list;
  readonly #state;
  readonly #delete;
  readonly #newestCovers;

  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO snapshots (id, board_id, name, reason, state, covers, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare<[string], Row>(
      `SELECT id, name, reason, length(state) AS bytes, created_at FROM snapshots
       WHERE board_id = ? ORDER BY created_at DESC, id DESC`,
    );
    this.#state = db.prepare<[string, string], Row & { state: Buffer }>(
      `SELECT id, name, reason, length(state) AS bytes, created_at, state FROM snapshots
       WHERE id = ? AND board_id = ?`,
    );
    this.#delete = db.prepare('DELETE FROM snapshots WHERE id = ?');
    this.#newestCovers = db.prepare<[string], { id: string; covers: Buffer | null }>(
      `SELECT id, covers FROM snapshots WHERE board_id = ?
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
  }

  insert(
    boardId: string,
    snapshot: { id: string; name: string | null; reason: SnapshotReason; createdAt: number },
    state: Uint8Array,
    covers: Uint8Array,
  ): Snapshot {
    this.#insert.run(
      snapshot.id,
      boardId,
      snapshot.name,
      snapshot.reason,
      state,
      covers,
      snapshot.createdAt,
    );
    return toSnapshot({ ...snapshot, created_at: snapshot.createdAt, bytes: state.length });
  }

  /** Newest first. */
  list(boardId: string): Snapshot[] {
    return this.#list.all(boardId).map(toSnapshot);
  }

  get(boardId: string, id: string): { snapshot: Snapshot; state: Uint8Array } | undefined {
    const row = this.#state.get(id, boardId);
    return row ? { snapshot: toSnapshot(row), state: row.state } : undefined;
  }

  /** The newest snapshot's id and what it covers (null if stored before that was recorded). */
  newestCovers(boardId: string): { id: string; covers: Uint8Array | null } | undefined {
    return this.#newestCovers.get(boardId);
  }

  delete(id: string): void {
    this.#delete.run(id);
  }
}
