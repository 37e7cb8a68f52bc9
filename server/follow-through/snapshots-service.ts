/**
 * Snapshots and history: automatic ones (periodically while a board changes, before every
 * voting round opens, before every restore), named manual ones, and restoring one as a new
 * change that every connected client receives without reloading. An automatic snapshot of a
 * board whose content equals the newest snapshot's is not stored: it would only repeat it.
 * Every stored snapshot thins the board's older automatic ones (retention.ts); connected
 * clients hear of both, so no history list offers a version that is gone.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { cloneValue, itemsOf, metaOf } from '../../shared/board-document.ts';
import type { BoardRestored } from '../../shared/events.ts';
import {
  createSnapshotBody,
  type Snapshot,
  type SnapshotReason,
  type SnapshotRound,
} from '../../shared/follow-through.ts';
import type { Member, Role } from '../../shared/roles.ts';
import type { DocumentRegistry } from '../documents/document-registry.ts';
import type { LiveDocument } from '../documents/live-document.ts';
import { AppError, RateLimitError } from '../errors.ts';
import type { BoardEvents } from '../facilitation/board-events.ts';
import { requireRole } from '../facilitation/roles.ts';
import type { SnapshotsRepository } from '../store/snapshots-repository.ts';
import { TokenBucket } from '../util/token-bucket.ts';
import { snapshotsToThin } from './retention.ts';

/**
 * Manual snapshots per board, by its facilitators and by its participants (each their own, so
 * participants cannot keep a facilitator from saving a version): ten at once, then one every
 * 30 s.
 */
const MANUAL_BURST = 10;
const MANUAL_PER_SEC = 1 / 30;

/** A snapshot that is not on the board (any more: retention or a facilitator deleted it). */
export class SnapshotNotFound extends AppError {
  constructor() {
    super('snapshot_not_found', 'There is no such snapshot on this board.');
  }
}

export class SnapshotsService {
  readonly #repository: SnapshotsRepository;
  readonly #documents: DocumentRegistry;
  readonly #events: () => BoardEvents;
  /**
   * Each loaded board's newest snapshot: what it covers (state vector and delete set, a Yjs
   * snapshot), to tell cheaply that the board has not changed since (the state vector alone
   * misses changes that only delete), and a fingerprint of its content, read when the board
   * did change, since a change can be undone (a note added and deleted) or a round opened
   * just after a save. Forgotten when the board unloads; read back from the store next time.
   */
  readonly #newest = new Map<string, Newest>();
  /** Each board's budgets of manual snapshots (they are never thinned), by role. */
  readonly #manual = new Map<string, Map<Role, TokenBucket>>();
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

  /**
   * Takes a periodic snapshot of every loaded board that changed, every `intervalMs`. A board
   * that cannot be snapshotted is logged and skipped: the others still are, and the timer
   * never takes the server down.
   */
  startPeriodic(intervalMs: number, logger: Logger): void {
    this.#timer = setInterval(() => {
      for (const document of this.#documents.loadedBoards()) {
        try {
          this.snapshotIfChanged(document);
        } catch (error) {
          logger.error({ err: error, boardId: document.boardId }, 'periodic snapshot failed');
        }
      }
    }, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** The board left memory: what its newest snapshot covers is read from the store next time. */
  forget(boardId: string): void {
    this.#newest.delete(boardId);
    this.#manual.delete(boardId);
  }

  /** A periodic snapshot, unless the board's content is the newest snapshot's. */
  snapshotIfChanged(document: LiveDocument, now = Date.now()): Snapshot | undefined {
    const about: About = { reason: 'periodic' };
    document.flush();
    const newest = this.#newest.get(document.boardId) ?? this.#readNewest(document.boardId);
    if (!newest) return this.#store(document, about, now);
    const covers = Y.snapshot(document.doc);
    if (Y.equalSnapshots(newest.covers, covers)) return undefined;
    const content = contentFingerprint(document.doc);
    if (content === this.#newestContent(document.boardId, newest)) {
      // Changed and changed back: the next check can stop at the cheap comparison.
      this.#newest.set(document.boardId, { ...newest, covers, content });
      return undefined;
    }
    return this.#store(document, about, now, { covers, content });
  }

  /**
   * Stores the board as it is now, whatever the newest snapshot holds: a saved version, and the
   * snapshot before a voting round or a restore, so each round and each restore has its entry to
   * go back to (SPEC §2). `round` names the round a `before_round` snapshot is taken for.
   */
  take(boardId: string, about: About, now = Date.now()): Snapshot {
    return this.#store(this.#documents.open({ boardId }), about, now);
  }

  #store(
    document: LiveDocument,
    about: About,
    now: number,
    /** What snapshotIfChanged has already read of the flushed document: not read again. */
    known?: { covers: Y.Snapshot; content: string },
  ): Snapshot {
    const { reason, name = null, round } = about;
    const { boardId } = document;
    if (!known) document.flush();
    const state = Y.encodeStateAsUpdateV2(document.doc);
    const covers = known?.covers ?? Y.snapshot(document.doc);
    const fingerprint = known?.content ?? contentFingerprint(document.doc);
    const snapshot = this.#repository.insert(
      boardId,
      { id: uuidv7(), name, reason, ...(round ? { round } : {}), createdAt: now },
      state,
      Y.encodeSnapshotV2(covers),
      fingerprint,
    );
    this.#newest.set(boardId, { id: snapshot.id, covers, content: fingerprint });
    this.#events().toBoard(boardId, 'snapshot:created', snapshot);
    this.#thin(boardId, now);
    return snapshot;
  }

  /** Lets older automatic snapshots go (retention.ts) and tells the board which went. */
  #thin(boardId: string, now: number): void {
    const ids = snapshotsToThin(this.#repository.list(boardId), now);
    if (ids.length === 0) return;
    this.#repository.delete(ids);
    this.#events().toBoard(boardId, 'snapshot:deleted', { ids });
  }

  create(member: Member, input: unknown): Snapshot {
    requireRole(member, 'facilitator', 'participant');
    const { name } = createSnapshotBody.parse(input ?? {});
    // Manual snapshots are kept for good: a member sending hundreds would fill the disk.
    let budgets = this.#manual.get(member.boardId);
    if (!budgets) {
      budgets = new Map();
      this.#manual.set(member.boardId, budgets);
    }
    let bucket = budgets.get(member.role);
    if (!bucket) {
      bucket = new TokenBucket(MANUAL_PER_SEC, MANUAL_BURST);
      budgets.set(member.role, bucket);
    }
    if (!bucket.take()) {
      const seconds = Math.max(1, Math.ceil(bucket.waitMs() / 1000));
      throw new RateLimitError(
        seconds,
        `Too many saved versions of this board at once; try again in ${seconds} s.`,
      );
    }
    return this.take(member.boardId, { reason: 'manual', name: name ?? null });
  }

  list(member: Member): Snapshot[] {
    return this.#repository.list(member.boardId);
  }

  /**
   * Deletes a saved version (facilitators): one holding what should not have been written (a
   * colleague's health, a customer's name) after it was deleted from the board, or one saved
   * by mistake. Every history list drops it (snapshot:deleted).
   */
  delete(member: Member, snapshotId: string): void {
    requireRole(member, 'facilitator');
    this.find(member.boardId, snapshotId);
    this.#repository.deleteForGood(member.boardId, snapshotId, Date.now());
    // The next automatic one compares with the newest that is left, read again.
    if (this.#newest.get(member.boardId)?.id === snapshotId) this.#newest.delete(member.boardId);
    this.#events().toBoard(member.boardId, 'snapshot:deleted', { ids: [snapshotId] });
  }

  /** A snapshot of the board, without its stored state. */
  find(boardId: string, snapshotId: string): Snapshot {
    const snapshot = this.#repository.find(boardId, snapshotId);
    if (!snapshot) throw new SnapshotNotFound();
    return snapshot;
  }

  /** A snapshot and its stored state (Yjs update V2), not read into a document. */
  stored(boardId: string, snapshotId: string): { snapshot: Snapshot; state: Uint8Array } {
    const stored = this.#repository.get(boardId, snapshotId);
    if (!stored) throw new SnapshotNotFound();
    return stored;
  }

  /** A snapshot's document, loaded into a fresh Y.Doc. */
  load(boardId: string, snapshotId: string): { snapshot: Snapshot; doc: Y.Doc } {
    const { snapshot, state } = this.stored(boardId, snapshotId);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, state);
    return { snapshot, doc };
  }

  /**
   * Makes the live board equal to the snapshot, as one new change: persisted, then relayed to
   * every connected client on both transports. A snapshot of the board as it was comes first,
   * so a restore can itself be undone by restoring that.
   */
  restore(member: Member, snapshotId: string): Snapshot {
    requireRole(member, 'facilitator');
    const { snapshot, doc: source } = this.load(member.boardId, snapshotId);
    let undo: Snapshot;
    let counts = { removed: 0, added: 0, changed: 0 };
    try {
      undo = this.take(member.boardId, { reason: 'before_restore' });
      this.#documents.open({ boardId: member.boardId }).change((doc) => {
        counts = replaceContent(doc, source);
      });
    } finally {
      source.destroy();
    }
    // What it took away is said, with the way back: a co-facilitator's reveal a moment
    // before, say, is gone from the board but not from `undoSnapshotId` (QA).
    this.#events().toBoard(member.boardId, 'board:restored', {
      snapshotId: snapshot.id,
      by: member.name,
      memberId: member.id,
      undoSnapshotId: undo.id,
      ...counts,
    });
    return snapshot;
  }

  /**
   * What the newest stored snapshot covers and its content fingerprint, read once per load of
   * the board. A snapshot stored before its covers were recorded is decoded at once (both read
   * from it); one stored before its fingerprint was, when the fingerprint is first needed.
   */
  #readNewest(boardId: string): Newest | undefined {
    const stored = this.#repository.newestCovers(boardId);
    if (!stored) return undefined;
    let newest: Newest;
    if (stored.covers) {
      newest = {
        id: stored.id,
        covers: Y.decodeSnapshotV2(stored.covers),
        ...(stored.content !== null ? { content: stored.content } : {}),
      };
    } else {
      const { doc } = this.load(boardId, stored.id);
      newest = { id: stored.id, covers: Y.snapshot(doc), content: contentFingerprint(doc) };
      doc.destroy();
    }
    this.#newest.set(boardId, newest);
    return newest;
  }

  /**
   * The newest snapshot's content fingerprint, decoding its document when it was stored without
   * one (the caller keeps what it learns in #newest).
   */
  #newestContent(boardId: string, newest: Newest): string {
    if (newest.content !== undefined) return newest.content;
    const { doc } = this.load(boardId, newest.id);
    const content = contentFingerprint(doc);
    doc.destroy();
    return content;
  }
}

/** What a snapshot is: why it was taken, its name (saved versions), the round it was before. */
interface About {
  reason: SnapshotReason;
  name?: string | null;
  round?: SnapshotRound | undefined;
}

interface Newest {
  id: string;
  covers: Y.Snapshot;
  /**
   * Stored with the snapshot; for one stored before Ideamill recorded it, read only when
   * needed: that means decoding the stored document.
   */
  content?: string;
}

/**
 * What a restore would bring back: the items and the board's meta, as sorted JSON (a map's key
 * order depends on the order changes arrived in), hashed so memory holds a few bytes per board.
 */
function contentFingerprint(doc: Y.Doc): string {
  const json = sortedJson({ items: itemsOf(doc).toJSON(), meta: metaOf(doc).toJSON() });
  return createHash('sha256').update(json).digest('base64');
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint'
      ? `${inner}n`
      : inner && typeof inner === 'object' && !Array.isArray(inner) && !ArrayBuffer.isView(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : inner,
  );
}

/** Entries of `items` a restore took away, brought back, and set to an earlier state. */
type RestoreCounts = Pick<BoardRestored, 'removed' | 'added' | 'changed'>;

/**
 * Changes only what differs, so clients receive a small update and unchanged items keep identity.
 * Entries that are not items (a string or a list a stock client put under `items`) come back as
 * they were too.
 */
function replaceContent(target: Y.Doc, source: Y.Doc): RestoreCounts {
  const items = itemsOf(target) as Y.Map<unknown>;
  const wanted = itemsOf(source) as Y.Map<unknown>;
  const counts = { removed: 0, added: 0, changed: 0 };
  for (const id of Array.from(items.keys())) {
    if (wanted.has(id)) continue;
    items.delete(id);
    counts.removed++;
  }
  wanted.forEach((value, id) => {
    const current = items.get(id);
    if (!items.has(id)) counts.added++;
    else if (JSON.stringify(asJson(current)) === JSON.stringify(asJson(value))) return;
    else counts.changed++;
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
  return counts;
}

function asJson(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}
