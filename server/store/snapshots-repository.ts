/**
 * Snapshots: whole board document states, named or automatic. A `before_round` snapshot names
 * its round by id; the title is the round's own, read with it: a round that never opened (the
 * server stopped between the snapshot and the round) names nothing.
 */
import type { Snapshot, SnapshotReason, SnapshotRound } from '../../shared/follow-through.ts';
import type { Db } from './database.ts';

interface Row {
  id: string;
  name: string | null;
  reason: SnapshotReason;
  round_id: string | null;
  round_title: string | null;
  bytes: number;
  created_at: number;
}

const toSnapshot = (row: Row): Snapshot => ({
  id: row.id,
  name: row.name,
  reason: row.reason,
  ...(row.round_id !== null && row.round_title !== null
    ? { round: { id: row.round_id, title: row.round_title } }
    : {}),
  createdAt: new Date(row.created_at).toISOString(),
  bytes: row.bytes,
});

interface NewestRow {
  id: string;
  covers: Uint8Array | null;
  content: string | null;
}

const COLUMNS = `s.id, s.name, s.reason, s.round_id, r.title AS round_title,
  length(s.state) AS bytes, s.created_at`;
const FROM = 'snapshots s LEFT JOIN rounds r ON r.id = s.round_id';

export class SnapshotsRepository {
  readonly #insert;
  readonly #list;
  readonly #find;
  readonly #state;
  readonly #delete;
  readonly #deleteForGood;
  readonly #newestCovers;

  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO snapshots
         (id, board_id, name, reason, round_id, state, covers, content, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#list = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE s.board_id = ? ORDER BY s.created_at DESC, s.id DESC`,
    );
    this.#find = db.prepare<[string, string], Row>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = ? AND s.board_id = ?`,
    );
    this.#state = db.prepare<[string, string], Row & { state: Buffer }>(
      `SELECT ${COLUMNS}, s.state FROM ${FROM} WHERE s.id = ? AND s.board_id = ?`,
    );
    const deleteOne = db.prepare('DELETE FROM snapshots WHERE id = ?');
    this.#delete = db.transaction((ids: readonly string[]) => {
      for (const id of ids) deleteOne.run(id);
    });
    const record = db.prepare<[string, string, number]>(
      'INSERT OR REPLACE INTO deleted_snapshots (id, board_id, deleted_at) VALUES (?, ?, ?)',
    );
    this.#deleteForGood = db.transaction((boardId: string, id: string, at: number) => {
      deleteOne.run(id);
      record.run(id, boardId, at);
    });
    this.#newestCovers = db.prepare<[string], NewestRow>(
      `SELECT id, covers, content FROM snapshots WHERE board_id = ?
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
  }

  insert(
    boardId: string,
    snapshot: {
      id: string;
      name: string | null;
      reason: SnapshotReason;
      round?: SnapshotRound;
      createdAt: number;
    },
    state: Uint8Array,
    covers: Uint8Array,
    content: string,
  ): Snapshot {
    const { id, name, reason, round, createdAt } = snapshot;
    const row: Row = {
      id,
      name,
      reason,
      round_id: round?.id ?? null,
      round_title: round?.title ?? null,
      bytes: state.length,
      created_at: createdAt,
    };
    this.#insert.run(id, boardId, name, reason, row.round_id, state, covers, content, createdAt);
    return toSnapshot(row);
  }

  /** Newest first. */
  list(boardId: string): Snapshot[] {
    return this.#list.all(boardId).map(toSnapshot);
  }

  /** A snapshot without its state (which may be a megabyte): what it is, whether it is there. */
  find(boardId: string, id: string): Snapshot | undefined {
    const row = this.#find.get(id, boardId);
    return row ? toSnapshot(row) : undefined;
  }

  get(boardId: string, id: string): { snapshot: Snapshot; state: Uint8Array } | undefined {
    const row = this.#state.get(id, boardId);
    return row ? { snapshot: toSnapshot(row), state: row.state } : undefined;
  }

  /**
   * The newest snapshot's id, what it covers and its content fingerprint (each null if stored
   * before Ideamill recorded it).
   */
  newestCovers(boardId: string): NewestRow | undefined {
    return this.#newestCovers.get(boardId);
  }

  /** Deletes the snapshots `ids`, in one transaction (retention: it thins them again). */
  delete(ids: readonly string[]): void {
    this.#delete(ids);
  }

  /**
   * Deletes a snapshot a facilitator deleted, and records its id: a restore from a backup
   * taken before deletes it again (store/taken-away.ts).
   */
  deleteForGood(boardId: string, id: string, at: number): void {
    this.#deleteForGood(boardId, id, at);
  }
}

/**
 * Reads snapshots' stored states alone, on a connection of its own: the export thread reads
 * with a read-only one, so that a version's preview does not read a megabyte on the event loop.
 */
export function snapshotStates(db: Db): (boardId: string, id: string) => Uint8Array | undefined {
  const state = db.prepare<[string, string], { state: Buffer }>(
    'SELECT state FROM snapshots WHERE id = ? AND board_id = ?',
  );
  return (boardId, id) => state.get(id, boardId)?.state;
}
