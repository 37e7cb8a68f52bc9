/**
 * Snapshots and history: automatic ones (periodically while a board changes, before every
 * voting round opens, before every restore), named manual ones, and restoring one as a new
 * change that every connected client receives without reloading.
 */
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { cloneValue, itemsOf, metaOf } from '../../shared/board-document.ts';
import {
  createSnapshotBody,
  type Snapshot,
  type SnapshotReason,
} from '../../shared/follow-through.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { LiveDocument } from '../documents/live-document.ts';
import { AppError } from '../errors.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import { requireRole } from '../facilitation/roles.ts';
import type { SnapshotsRepository } from '../store/snapshots-repository.ts';
import { snapshotsToThin } from './retention.ts';

export class SnapshotsService {
  readonly #repository: SnapshotsRepository;
  readonly #documents: DocumentRegistry;
  readonly #events: () => BoardEvents;
  /**
   * What each loaded board's newest snapshot covers (state vector and delete set, a Yjs
   * snapshot): has the board changed since? The state vector alone misses changes that only
   * delete. Forgotten when the board unloads; the stored one is read back on the next check.
   */
  readonly #lastTaken = new Map<string, Y.Snapshot>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    repository: SnapshotsRepository,
    documents: DocumentRegistry,
    events: () => BoardEvents,
  ) {
    this.#repository = repository;
    this.#documents = documents;
    this.#events = events;
  }

  /** Takes a periodic snapshot of every loaded board that changed, every `intervalMs`. */
  startPeriodic(intervalMs: number): void {
    this.#timer = setInterval(() => {
      for (const document of this.#documents.loadedBoards()) this.snapshotIfChanged(document);
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** The board left memory: what its newest snapshot covers is read from the store next time. */
  forget(boardId: string): void {
    this.#lastTaken.delete(boardId);
  }

  /** A periodic snapshot, unless nothing changed since the newest one. */
  snapshotIfChanged(document: LiveDocument, now = Date.now()): Snapshot | undefined {
    const last = this.#lastTaken.get(document.boardId) ?? this.#newestTaken(document.boardId);
    if (last && Y.equalSnapshots(last, Y.snapshot(document.doc))) return undefined;
    return this.take(document.boardId, 'periodic', null, now);
  }

  take(boardId: string, reason: SnapshotReason, name: string | null, now = Date.now()): Snapshot {
    const document = this.#documents.open({ boardId });
    document.flush();
    const state = Y.encodeStateAsUpdateV2(document.doc);
    const covers = Y.snapshot(document.doc);
    const snapshot = this.#repository.insert(
      boardId,
      { id: uuidv7(), name, reason, createdAt: now },
      state,
      Y.encodeSnapshotV2(covers),
    );
    this.#lastTaken.set(boardId, covers);
    for (const id of snapshotsToThin(this.#repository.list(boardId), now)) {
      this.#repository.delete(id);
    }
    this.#events().toBoard(boardId, 'snapshot:created', snapshot);
    return snapshot;
  }

  create(member: Member, input: unknown): Snapshot {
    requireRole(member, 'facilitator', 'participant');
    const { name } = createSnapshotBody.parse(input ?? {});
    return this.take(member.boardId, 'manual', name ?? null);
  }

  list(member: Member): Snapshot[] {
    return this.#repository.list(member.boardId);
  }

  /** A snapshot's document, loaded into a fresh Y.Doc for reading (exports). */
  load(boardId: string, snapshotId: string): { snapshot: Snapshot; doc: Y.Doc } {
    const stored = this.#repository.get(boardId, snapshotId);
    if (!stored)
      throw new AppError('snapshot_not_found', 'There is no such snapshot on this board.');
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, stored.state);
    return { snapshot: stored.snapshot, doc };
  }

  /**
   * Makes the live board equal to the snapshot, as one new change: persisted, then relayed to
   * every connected client on both transports. A snapshot of the board as it was comes first,
   * so a restore can itself be undone by restoring that.
   */
  restore(member: Member, snapshotId: string): Snapshot {
    requireRole(member, 'facilitator');
    const { snapshot, doc: source } = this.load(member.boardId, snapshotId);
    try {
      this.take(member.boardId, 'before_restore', null);
      this.#documents
        .open({ boardId: member.boardId })
        .change((doc) => replaceContent(doc, source));
    } finally {
      source.destroy();
    }
    this.#events().toBoard(member.boardId, 'board:restored', {
      snapshotId: snapshot.id,
      by: member.name,
    });
    return snapshot;
  }

  /**
   * What the newest stored snapshot covers, read once per load of the board. A snapshot stored
   * before that was recorded is decoded instead.
   */
  #newestTaken(boardId: string): Y.Snapshot | undefined {
    const newest = this.#repository.newestCovers(boardId);
    if (!newest) return undefined;
    let taken: Y.Snapshot;
    if (newest.covers) {
      taken = Y.decodeSnapshotV2(newest.covers);
    } else {
      const { doc } = this.load(boardId, newest.id);
      taken = Y.snapshot(doc);
      doc.destroy();
    }
    this.#lastTaken.set(boardId, taken);
    return taken;
  }
}

/**
 * Changes only what differs, so clients receive a small update and unchanged items keep identity.
 * Entries that are not items (a string or a list a stock client put under `items`) come back as
 * they were too.
 */
function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const items = itemsOf(target) as Y.Map<unknown>;
  const wanted = itemsOf(source) as Y.Map<unknown>;
  for (const id of Array.from(items.keys())) {
    if (!wanted.has(id)) items.delete(id);
  }
  wanted.forEach((value, id) => {
    const current = items.get(id);
    if (items.has(id) && JSON.stringify(asJson(current)) === JSON.stringify(asJson(value))) return;
    items.set(id, cloneValue(value));
  });
  const meta = metaOf(target);
  const wantedMeta = metaOf(source);
  for (const key of Array.from(meta.keys())) if (!wantedMeta.has(key)) meta.delete(key);
  wantedMeta.forEach((value, key) => {
    if (meta.has(key) && JSON.stringify(asJson(meta.get(key))) === JSON.stringify(asJson(value)))
      return;
    meta.set(key, cloneValue(value));
  });
}

function asJson(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}
