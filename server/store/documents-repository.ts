/** Documents on disk: one compacted state plus an append-only update log per document. */
import type { Db } from './database.ts';

/** Yjs update encodings: states are written as V1; older databases hold V2 states. */
export type StateEncoding = 1 | 2;

export interface StoredDocument {
  state: Uint8Array | null;
  encoding: StateEncoding;
  /** The state's Yjs state vector, where it was stored with one. */
  stateVector: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in the log (0 when it is empty). */
  lastSeq: number;
}

/** A state to store (Yjs V1) with its state vector. */
export interface StateWithVector {
  state: Uint8Array;
  stateVector: Uint8Array;
}

export class DocumentsRepository {
  readonly #appendMany;
  readonly #selectState;
  readonly #compact;
  readonly #compactIfStateIs;
  readonly #selectPrivate;
  readonly #load;

  constructor(db: Db) {
    const insert = db.prepare(
      'INSERT INTO document_updates (doc_id, board_id, data) VALUES (?, ?, ?)',
    );
    this.#appendMany = db.transaction(
      (docId: string, boardId: string, updates: readonly Uint8Array[]) => {
        let seq = 0;
        for (const update of updates)
          seq = Number(insert.run(docId, boardId, update).lastInsertRowid);
        return seq;
      },
    );
    this.#selectState = selectState(db);
    const upsertState = db.prepare(
      `INSERT INTO document_states (doc_id, board_id, state, encoding, state_vector, updated_at)
       VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE
       SET state = excluded.state, encoding = 1, state_vector = excluded.state_vector,
         updated_at = excluded.updated_at`,
    );
    const dropUpdates = db.prepare('DELETE FROM document_updates WHERE doc_id = ? AND seq <= ?');
    // One transaction: a crash leaves either the old state and the whole log, or the new
    // state and the log tail it does not cover. Nothing is lost either way.
    this.#compact = db.transaction(
      (docId: string, boardId: string, state: StateWithVector, throughSeq: number) => {
        upsertState.run(docId, boardId, state.state, state.stateVector, Date.now());
        dropUpdates.run(docId, throughSeq);
      },
    );
    this.#compactIfStateIs = db.transaction(
      (
        docId: string,
        boardId: string,
        state: StateWithVector,
        throughSeq: number,
        read: Uint8Array | null,
      ): boolean => {
        const now = this.#selectState.get(docId)?.state ?? null;
        const same = now === null || read === null ? now === read : Buffer.from(read).equals(now);
        if (!same) return false;
        this.#compact(docId, boardId, state, throughSeq);
        return true;
      },
    );
    // A private document's id starts with its board's id and '/' (document-key.ts): the log is
    // searched by that range of its (doc_id, seq) index, the one index an append writes.
    this.#selectPrivate = db
      .prepare<[string, string, string, string, string], string>(
        `SELECT doc_id FROM document_states WHERE board_id = ? AND doc_id != ?
         UNION SELECT doc_id FROM document_updates
           WHERE doc_id > ? AND doc_id < ? AND board_id = ?`,
      )
      .pluck();
    this.#load = storedDocuments(db).load;
  }

  /** Appends updates in one transaction; returns the sequence number of the last. */
  append(docId: string, boardId: string, updates: readonly Uint8Array[]): number {
    return this.#appendMany(docId, boardId, updates);
  }

  load(docId: string): StoredDocument {
    return this.#load(docId);
  }

  /**
   * Stores a state (Yjs V1) that covers every update up to throughSeq, and drops those updates.
   */
  compact(docId: string, boardId: string, state: StateWithVector, throughSeq: number): void {
    this.#compact(docId, boardId, state, throughSeq);
  }

  /**
   * compact(), in an IMMEDIATE transaction of its own, if the stored state is still `read`
   * (the bytes loaded before folding; null for none); false, writing nothing, if another
   * connection has replaced it since.
   */
  compactIfStateIs(
    docId: string,
    boardId: string,
    state: StateWithVector,
    throughSeq: number,
    read: Uint8Array | null,
  ): boolean {
    return this.#compactIfStateIs.immediate(docId, boardId, state, throughSeq, read);
  }

  /** Writes a board's first state (its template, Yjs V1) when the board is created. */
  initialize(boardId: string, state: StateWithVector): void {
    this.#compact(boardId, boardId, state, 0);
  }

  /** Ids of the private documents stored for a board. */
  privateDocumentIds(boardId: string): string[] {
    // '0' follows '/' in every collation SQLite uses for TEXT here (BINARY).
    return this.#selectPrivate.all(boardId, boardId, `${boardId}/`, `${boardId}0`, boardId);
  }
}

const selectState = (db: Db) =>
  db.prepare<[string], { state: Buffer; encoding: StateEncoding; state_vector: Buffer | null }>(
    'SELECT state, encoding, state_vector FROM document_states WHERE doc_id = ?',
  );

/**
 * Reads stored documents on a connection of its own as well as the server's: the export thread
 * reads a board nobody has open with a read-only one, rather than have the event loop load it.
 * `version` changes whenever the document does (a compaction rewrites the state and its time,
 * an edit appends to the log), and costs two index lookups: what was read may be read again.
 */
export function storedDocuments(db: Db): {
  load(docId: string): StoredDocument;
  version(docId: string): string;
} {
  const state = selectState(db);
  const updates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE doc_id = ? ORDER BY seq',
  );
  const version = db.prepare<[string, string], { at: number | null; seq: number | null }>(
    `SELECT (SELECT updated_at FROM document_states WHERE doc_id = ?) AS at,
       (SELECT max(seq) FROM document_updates WHERE doc_id = ?) AS seq`,
  );
  return {
    // One read transaction: the state and the log as of one moment. Between two separate reads
    // an `ideamill compact` beside the server could fold the log into a new state, and the
    // second read would miss what the first did not have.
    load: db.transaction((docId: string): StoredDocument => {
      const row = state.get(docId);
      const rows = updates.all(docId);
      return {
        state: row ? row.state : null,
        encoding: row?.encoding ?? 1,
        stateVector: row?.state_vector ?? null,
        updates: rows.map((r) => r.data),
        lastSeq: rows.at(-1)?.seq ?? 0,
      };
    }),
    version(docId) {
      const row = version.get(docId, docId);
      return `${row?.at ?? ''}:${row?.seq ?? ''}`;
    },
  };
}
