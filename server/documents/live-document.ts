/**
 * One live document (a board's, or a member's private one): the pipeline every transport feeds.
 *
 *   receive → decode → check role and limits → validate → apply → persist → relay
 *
 * Updates are queued and flushed: the flush applies the queue, writes it to SQLite in a single
 * transaction and only then relays it. A quiet document flushes at once, a busy one once at the
 * end of the event-loop turn (see #scheduleFlush). Anything that sends document state to a
 * client flushes first, so no client ever sees an update that is not on disk.
 */
import type { Logger } from 'pino';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import { AppError, storageFull } from '../errors.ts';
import type { Metrics } from '../observability/metrics.ts';
import type {
  DocumentsRepository,
  StateEncoding,
  StoredDocument,
} from '../store/documents-repository.ts';
import { applyByPeer, type Pending, type Received } from './apply-received.ts';
import { type DocumentKey, documentId } from './document-key.ts';
import { refuseAuthorChange } from './item-author.ts';
import { bringsNothingNew } from './nothing-new.ts';
import { type BroadcastGroup, Peer, type PeerLimits, type PeerTransport } from './peer.ts';
import { touchesPinned } from './pinned-item.ts';
import { Presence } from './presence.ts';
import {
  type DecodedUpdate,
  decodeMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type InboundMessage,
  isEmptyUpdate,
  validateUpdate,
} from './protocol.ts';
import { applyAndUndo } from './refused-edit.ts';
import { applyStored } from './stored-compaction.ts';
import { refuseEntriesAside, refuseIncomplete } from './update-dependencies.ts';
import { refuseOutOfShape } from './update-shape.ts';

/** Who may change a document right now: roles, board lock, silent writing (facilitation). */
export interface EditPolicy {
  canEdit(key: DocumentKey, member: Member): boolean;
  /** Why an edit was refused, in words for the member. */
  refusal(key: DocumentKey, member: Member): string;
  /**
   * A member's edits of their private document have been stored and relayed, and no more came
   * for PRIVATE_EDITS_QUIET_MS (silent writing reveals notes that arrive after the reveal:
   * silent-writing-service.ts).
   */
  afterPrivateEdit?(key: DocumentKey): void;
  /**
   * Whether a member's cursor and selection go to nobody else: while silent writing runs, where
   * a writer is and what they select could tell whose each anonymously revealed note is. The
   * web client publishes neither then; a stock client, or a page loaded before that change,
   * still would (QA, upgrades).
   */
  hidesWhereabouts?(key: DocumentKey, member: Member): boolean;
}

export interface DocumentOptions {
  repository: DocumentsRepository;
  policy: EditPolicy;
  metrics: Metrics;
  logger: Logger;
  limits: PeerLimits & {
    maxDocumentBytes: number;
    presenceFlushMs: number;
    presenceFanoutPerSec: number;
    presenceMessagesPerSec: number;
  };
  compaction: { afterBytes: number; afterUpdates: number };
  /** Called once when the document can no longer be trusted to match the database. */
  onFail: (document: LiveDocument) => void;
}

/** Marks changes the server makes itself (reveals, restores). */
const SERVER_ORIGIN = Symbol('server');

export class LiveDocument {
  readonly key: DocumentKey;
  readonly id: string;
  readonly boardId: string;
  readonly #presence: Presence;
  readonly #options: DocumentOptions;
  readonly #peers = new Set<Peer>();
  readonly #doc: Y.Doc;
  /** What the database holds, until it is integrated into #doc (see #integrate). */
  #stored: StoredDocument | null;
  #storedEncoding: StateEncoding;
  /** Connections that get the server's sync step 1 once the document is integrated. */
  readonly #awaitingStep1 = new Set<Peer>();
  #integrateTimer: NodeJS.Timeout | undefined;
  #privateEditTimer: NodeJS.Timeout | undefined;
  #fullSyncCache: Uint8Array | undefined;
  /** The stored state as one sync step 2 message, while it is answered from the store. */
  #storedSyncCache: Uint8Array | undefined;
  /** Full syncs sent from the stored bytes that have not left the process yet. */
  #sendsFromStore = 0;
  #received: Received[] = [];
  /** How deep the nested types in `#received` lie, by id (update-shape.ts). */
  readonly #receivedTypes = new Map<string, number>();
  /** Each client's clock as the updates accepted this turn (not applied yet) leave it. */
  readonly #receivedClocks = new Map<number, number>();
  #pending: Pending[] = [];
  #flushScheduled = false;
  /** performance.now() at the last flush that stored something (see #scheduleFlush). */
  #lastFlushAt = -Infinity;
  #tailBytes = 0;
  #tailUpdates = 0;
  /** Size of the stored state the tail follows: compaction re-encodes about this much. */
  #stateBytes = 0;
  #lastSeq = 0;
  /** Encoded size of the stored state plus the log tail: what a full sync would roughly cost. */
  #bytes = 0;
  #lastActive = Date.now();
  #failed = false;
  /** Acknowledgements owed once what was received so far is stored (see receive()). */
  #whenStored: Array<() => void> = [];

  constructor(key: DocumentKey, stored: StoredDocument, options: DocumentOptions) {
    this.key = key;
    this.id = documentId(key);
    this.boardId = key.boardId;
    this.#options = options;
    this.#doc = new Y.Doc({ gc: true });
    this.#stored = stored;
    this.#storedEncoding = stored.encoding;
    this.#bytes = (stored.state?.length ?? 0) + sum(stored.updates);
    this.#tailBytes = sum(stored.updates);
    this.#tailUpdates = stored.updates.length;
    this.#stateBytes = stored.state?.length ?? 0;
    this.#lastSeq = stored.lastSeq;
    // Any transaction may have changed the document ('afterTransaction' costs no encoding).
    this.#doc.on('afterTransaction', () => {
      this.#fullSyncCache = undefined;
    });
    this.#presence = new Presence(this.#doc, {
      flushMs: options.limits.presenceFlushMs,
      fanoutPerSec: options.limits.presenceFanoutPerSec,
      messagesPerSec: options.limits.presenceMessagesPerSec,
      connections: () => this.#peers.size,
      deliveriesPerState: () => {
        let deliveries = 0;
        for (const peer of this.#peers) deliveries += peer.transport.kind === 'ywebsocket' ? 2 : 1;
        return deliveries;
      },
      metrics: options.metrics,
      broadcast: (message) => {
        if (!this.#failed) this.#broadcast(message);
      },
      hidesWhereabouts: (member) => options.policy.hidesWhereabouts?.(this.key, member) ?? false,
    });
  }

  /**
   * The Yjs document, integrated from the database on first use, with everything received so
   * far stored: what is read from it (an export, a snapshot) is on disk.
   */
  get doc(): Y.Doc {
    this.#integrate();
    this.flush();
    if (this.#failed) throw new AppError('internal_error', 'The board could not be loaded.');
    return this.#doc;
  }

  /** Who is here, as this server knows it: every connection's presence states. */
  get awareness(): Awareness {
    return this.#presence.awareness;
  }

  /** False while the stored state has not been read into memory yet. */
  get integrated(): boolean {
    return this.#stored === null;
  }

  /**
   * Reads the stored state into the live Y.Doc. For a large board this is the slowest step of
   * opening it (Yjs integrates every struct), so it waits until something needs the content:
   * a new client's full sync is answered from the stored bytes before it (see receive()).
   */
  #integrate(): void {
    const stored = this.#stored;
    if (!stored) return;
    this.#stored = null;
    this.#storedSyncCache = undefined;
    clearTimeout(this.#integrateTimer);
    try {
      applyStored(this.#doc, stored);
    } catch (error) {
      return this.#fail(error);
    }
    const step1 = encodeSyncStep1(Y.encodeStateVector(this.#doc));
    for (const peer of this.#awaitingStep1) if (!peer.closed) peer.transport.send(step1);
    this.#awaitingStep1.clear();
    // A log tail (a crash, a busy past) or an older V2 state: rewrite it, so the next load
    // can answer from the store again.
    this.compact();
  }

  /**
   * A new client's full sync, straight from the stored bytes. Integration waits until they
   * have left the process (a busy event loop would otherwise hold back the rest of a large
   * state that the socket could not take at once), and then INTEGRATE_AFTER_SYNC_MS more.
   */
  #sendFromStore(peer: Peer, stored: StoredDocument): void {
    this.#sendsFromStore++;
    let done = false;
    const sent = () => {
      if (done) return;
      done = true;
      this.#sendsFromStore--;
      this.#integrateSoon(INTEGRATE_AFTER_SYNC_MS, true);
    };
    // Encoded once for everyone who joins before integration: a copy of a large state each
    // would cost every new client a fresh allocation of its size.
    this.#storedSyncCache ??= encodeSyncStep2(stored.state ?? EMPTY_UPDATE);
    peer.transport.send(this.#storedSyncCache, sent);
    setTimeout(sent, MAX_SEND_WAIT_MS).unref();
  }

  /**
   * The whole document as one sync step 2 message, encoded once for every new client until
   * the next change: when hundreds of clients (re)connect at once, encoding it for each one
   * would be most of the server's work.
   */
  #fullSync(): Uint8Array {
    this.#fullSyncCache ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.#doc));
    return this.#fullSyncCache;
  }

  #integrateSoon(delayMs: number, reschedule = false): void {
    if (!this.#stored || (this.#integrateTimer && !reschedule)) return;
    clearTimeout(this.#integrateTimer);
    this.#integrateTimer = setTimeout(() => {
      this.#integrateTimer = undefined;
      if (this.#sendsFromStore === 0) this.#integrate();
    }, delayMs);
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  get lastActive(): number {
    return this.#peers.size > 0 ? Date.now() : this.#lastActive;
  }

  canEdit(member: Member): boolean {
    return this.#options.policy.canEdit(this.key, member);
  }

  /** Registers a connection and starts the y-protocols handshake with it. */
  connect(member: Member, transport: PeerTransport): Peer {
    const peer = new Peer(member, transport, this.#options.limits);
    this.#peers.add(peer);
    const stored = this.#stored;
    if (stored) {
      // When the stored state is all there is, its state vector opens the sync at once.
      if (stored.stateVector && stored.updates.length === 0) {
        transport.send(encodeSyncStep1(stored.stateVector));
      } else {
        this.#awaitingStep1.add(peer);
      }
      this.#integrateSoon(INTEGRATE_DELAY_MS);
    } else {
      transport.send(encodeSyncStep1(Y.encodeStateVector(this.#doc)));
    }
    const everyone = this.#presence.everyone();
    if (everyone) transport.send(everyone);
    return peer;
  }

  disconnect(peer: Peer): void {
    if (!this.#peers.delete(peer)) return;
    peer.closed = true;
    this.#awaitingStep1.delete(peer);
    this.#lastActive = Date.now();
    this.#presence.drop(peer);
  }

  /**
   * Handles one y-protocols message from a connection. Never throws. `stored`, where the
   * transport acknowledges messages (Socket.io), runs once what the message carried is stored,
   * or at once for a message that stores nothing; never for one that closed the connection.
   */
  receive(peer: Peer, data: Uint8Array, stored?: () => void): void {
    this.#receive(peer, data);
    if (!stored || peer.closed || this.#failed) return;
    if (this.#received.length === 0 && this.#pending.length === 0) stored();
    else this.#whenStored.push(stored);
  }

  #receive(peer: Peer, data: Uint8Array): void {
    if (peer.closed || this.#failed) return;
    let message: InboundMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      return this.#reject(peer, 'malformed_message', error);
    }
    switch (message.kind) {
      case 'sync-step-1': {
        // Each is answered with up to the whole board: encoded for this peer, or the shared full
        // sync, sent all the same (6 bytes asking for megabytes).
        if (!peer.wholeBudget.take()) return this.#reject(peer, 'rate_limited');
        const stored = this.#stored;
        if (stored && answersFromStore(stored, message.stateVector)) {
          this.#sendFromStore(peer, stored);
          return;
        }
        this.#integrate();
        if (this.#failed) return;
        this.flush();
        // A flush that failed (a full disk) closed every connection, this one too: the board in
        // memory holds what was not stored, and nobody may be sent it (operator QA).
        if (this.#failed || peer.closed) return;
        peer.transport.send(
          isEmptyStateVector(message.stateVector)
            ? this.#fullSync()
            : encodeSyncStep2(Y.encodeStateAsUpdate(this.#doc, message.stateVector)),
        );
        return;
      }
      case 'update':
        return this.#receiveUpdate(peer, message.update);
      case 'awareness':
        try {
          this.#presence.receive(peer, message.update, message.entries);
        } catch (error) {
          this.#reject(peer, 'malformed_message', error);
        }
        return;
      case 'query-awareness': {
        if (!peer.wholeBudget.take()) return this.#reject(peer, 'rate_limited');
        const everyone = this.#presence.everyone();
        if (everyone) peer.transport.send(everyone);
        return;
      }
    }
  }

  #receiveUpdate(peer: Peer, update: Uint8Array): void {
    // Every client answers the server's sync step 1, usually with nothing: not an edit.
    if (isEmptyUpdate(update)) return;
    // A viewer's too: read-only links are the ones shared most widely (operator QA: a viewer's
    // floods and garbage went unrefused).
    if (!peer.updateBudget.take()) return this.#reject(peer, 'rate_limited');
    let decoded: DecodedUpdate;
    try {
      decoded = validateUpdate(update);
    } catch (error) {
      return this.#reject(peer, 'malformed_message', error);
    }
    const refused = !this.canEdit(peer.member);
    if (refused) {
      // A page reconnecting answers the sync with the board's delete set: no edit (nothing-new.ts).
      this.#integrate();
      this.#applyReceived();
      if (this.#failed || bringsNothingNew(decoded, this.#doc)) return;
      this.#options.metrics.messagesRejected.inc({ reason: 'read_only' });
      const why = this.#options.policy.refusal(this.key, peer.member);
      peer.transport.notify(new AppError('read_only', `${why} Your change was not saved.`));
    }
    // A viewer can never edit: its updates are dropped once read, never applied.
    if (peer.member.role === 'viewer') return;
    // Deletions alone are taken even past the limit (a reveal of everyone's private notes can
    // take a board there): what they free is given back at the next compaction, so a full
    // board can be made room on instead of refusing every change for good.
    const { structs } = decoded;
    const addsContent = structs.length > 0;
    if (addsContent && this.#bytes + update.length > this.#options.limits.maxDocumentBytes) {
      return this.#reject(peer, 'document_too_large');
    }
    this.#integrate();
    if (this.#failed) return;
    let clocks: Map<number, number>;
    try {
      // What it refers to and what nesting it adds are read against the board as it is, so
      // after integrating it.
      clocks = refuseIncomplete(decoded, this.#doc, this.#receivedClocks);
      refuseEntriesAside(structs, this.#doc);
      refuseOutOfShape(structs, this.#doc, this.#receivedTypes);
      refuseAuthorChange(structs, this.#doc);
    } catch (error) {
      return this.#reject(peer, 'malformed_message', error);
    }
    if (refused) return this.#revert(peer, update);
    // Only a facilitator changes a pinned item (pinned-item.ts); anyone else may go on editing
    // the rest of the board, so the update is taken back like one on a locked board.
    if (peer.member.role !== 'facilitator' && touchesPinned(decoded, this.#doc)) {
      this.#options.metrics.messagesRejected.inc({ reason: 'pinned' });
      peer.transport.notify(
        new AppError(
          'read_only',
          'That item is pinned: only a facilitator can change it. Your change was not saved.',
        ),
      );
      return this.#revert(peer, update);
    }
    // Applied at the flush, in one transaction with this peer's other updates of this turn.
    this.#received.push({ update, origin: peer });
    for (const [client, clock] of clocks) this.#receivedClocks.set(client, clock);
    this.#bytes += update.length;
    this.#scheduleFlush();
  }

  /** Applies what peers sent since the last flush (see apply-received.ts). */
  #applyReceived(): void {
    if (this.#received.length === 0 || this.#failed) return;
    const received = this.#received;
    this.#received = [];
    this.#receivedTypes.clear();
    this.#receivedClocks.clear();
    try {
      this.#pending.push(...applyByPeer(this.#doc, received));
    } catch (error) {
      // It decoded but Yjs could not integrate it: the in-memory doc may hold part of it.
      // Nothing of it was stored or relayed, so reloading from the database is exact.
      this.#fail(error);
    }
  }

  /** A refused edit from a member who may edit later: see refused-edit.ts. */
  #revert(peer: Peer, update: Uint8Array): void {
    // What this peer sent before, while it could edit, goes first.
    this.#applyReceived();
    if (this.#failed) return;
    let result: ReturnType<typeof applyAndUndo>;
    try {
      result = applyAndUndo(this.#doc, update);
    } catch (error) {
      return this.#fail(error);
    }
    this.#pending.push({ update: result.reverted, origin: null, count: 1 });
    this.#bytes += result.reverted.length;
    this.#scheduleFlush();
    // Its client holds changes the board does not have: a new connection resyncs them.
    if (!result.complete) this.#reject(peer, 'malformed_message', 'edit with missing dependencies');
  }

  /**
   * On a quiet document (nothing flushed in the last QUIET_MS) the update is flushed at once: a
   * lone edit is relayed without waiting for the end of the event-loop turn. On a busy one the
   * flush waits for the end of the turn, so all its updates share one transaction.
   */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    if (performance.now() - this.#lastFlushAt >= QUIET_MS) {
      this.flush();
      return;
    }
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.flush();
    });
  }

  /** Applies what was received, persists it in one transaction, then relays it. */
  flush(): void {
    this.#applyReceived();
    if (this.#failed) return;
    if (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      const updates = batch.map((p) => p.update);
      const stop = this.#options.metrics.persistSeconds.startTimer();
      try {
        this.#lastSeq = this.#options.repository.append(this.id, this.boardId, updates);
      } catch (error) {
        return this.#fail(error);
      }
      stop();
      this.#lastFlushAt = performance.now();
      let count = 0;
      for (const pending of batch) count += pending.count;
      this.#options.metrics.updatesApplied.inc(count);
      this.#tailUpdates += batch.length;
      this.#tailBytes += sum(updates);
      for (const { update, origin } of batch) this.#broadcast(encodeUpdate(update), origin);
      this.#lastActive = Date.now();
      if (this.#tailDue()) this.compact();
      if (this.key.owner !== undefined && batch.some((p) => p.origin !== null)) {
        this.#afterPrivateEditSoon();
      }
    }
    // Everything received so far is stored: its senders hear so.
    if (this.#whenStored.length > 0 && !this.#failed) {
      const stored = this.#whenStored;
      this.#whenStored = [];
      for (const done of stored) done();
    }
  }

  /**
   * A client back online sends what it wrote offline as a run of messages (a new note, then a
   * message per keystroke): what follows from the edits waits for the end of the run.
   */
  #afterPrivateEditSoon(): void {
    clearTimeout(this.#privateEditTimer);
    this.#privateEditTimer = setTimeout(() => {
      this.#privateEditTimer = undefined;
      this.#afterPrivateEdit();
    }, PRIVATE_EDITS_QUIET_MS);
    this.#privateEditTimer.unref();
  }

  /**
   * Runs now what waits for a pause in private edits: the document is leaving memory (idle, or
   * the server stopping), and a timer would die with it and leave a late note behind.
   */
  settle(): void {
    if (this.#privateEditTimer === undefined) return;
    clearTimeout(this.#privateEditTimer);
    this.#privateEditTimer = undefined;
    this.#afterPrivateEdit();
  }

  #afterPrivateEdit(): void {
    if (this.#failed) return;
    try {
      this.#options.policy.afterPrivateEdit?.(this.key);
    } catch (error) {
      // What the edit wrote is stored; what follows from it is the policy's to retry.
      this.#options.logger.error({ err: error, documentId: this.id }, 'after a private edit');
    }
  }

  /** Relays a message to every connection but the one it came from. */
  #broadcast(message: Uint8Array, except: Peer | null = null): void {
    const groups = new Set<BroadcastGroup>();
    for (const peer of this.#peers) {
      if (peer === except) continue;
      const group = peer.transport.group;
      if (group) groups.add(group);
      else peer.transport.send(message);
    }
    for (const group of groups) {
      group.broadcast(message, except?.transport.group === group ? except.transport : null);
    }
  }

  /**
   * Makes a change on the server's own account (a reveal, a restore): applied, persisted and
   * relayed to every connection before this returns.
   */
  change(mutate: (doc: Y.Doc) => void): void {
    if (this.#failed) throw new AppError('internal_error', 'The document is reloading; try again.');
    const doc = this.doc;
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) updates.push(update);
    };
    doc.on('update', collect);
    try {
      doc.transact(() => mutate(doc), SERVER_ORIGIN);
    } catch (error) {
      // What the change did before it threw is in the live document, but stored and sent
      // nowhere: later changes would build on it and clients could never integrate them.
      // Reload the document from the database instead.
      if (updates.length > 0) this.#fail(error);
      throw error;
    } finally {
      doc.off('update', collect);
    }
    for (const update of updates) {
      this.#pending.push({ update, origin: null, count: 1 });
      this.#bytes += update.length;
    }
    this.flush();
    if (this.#failed) throw new AppError('storage_failed', 'The change could not be stored.');
  }

  /**
   * Whether the log tail is long enough to fold. Folding re-encodes and rewrites the whole state
   * (and holds the event loop meanwhile), so past COMPACT_AFTER_BYTES of state the thresholds
   * grow with it: a board twice that size compacts after twice the tail. The work per update
   * stored stays bounded however large the board, instead of growing with it; a tail never
   * outgrows the state by much, so a load after a crash replays at most about a state's worth.
   */
  #tailDue(): boolean {
    const { afterBytes, afterUpdates } = this.#options.compaction;
    const scale = Math.max(1, this.#stateBytes / afterBytes);
    return this.#tailBytes >= afterBytes * scale || this.#tailUpdates >= afterUpdates * scale;
  }

  /**
   * Folds the update log into one stored state (V1: what a new client's sync sends as is).
   * Encodes the live doc rather than merging stored updates: Y.mergeUpdates grows
   * super-linearly on long logs, encoding does not. Returns how many logged updates it folded
   * (0 when it stored nothing).
   */
  compact(): number {
    if (this.#failed || (this.#tailUpdates === 0 && this.#storedEncoding === 1)) return 0;
    this.#integrate();
    this.flush();
    if (this.#failed) return 0;
    const state = Y.encodeStateAsUpdate(this.#doc);
    const stateVector = Y.encodeStateVector(this.#doc);
    try {
      this.#options.repository.compact(
        this.id,
        this.boardId,
        { state, stateVector },
        this.#lastSeq,
      );
    } catch (error) {
      this.#options.logger.error({ err: error, documentId: this.id }, 'compaction failed');
      return 0;
    }
    const folded = this.#tailUpdates;
    this.#options.metrics.compactions.inc();
    this.#storedEncoding = 1;
    this.#bytes = state.length;
    this.#stateBytes = state.length;
    this.#tailBytes = 0;
    this.#tailUpdates = 0;
    return folded;
  }

  #reject(
    peer: Peer,
    code: 'malformed_message' | 'rate_limited' | 'document_too_large',
    cause?: unknown,
  ): void {
    this.#options.metrics.messagesRejected.inc({ reason: code });
    this.#options.logger.debug(
      { boardId: this.boardId, memberId: peer.member.id, code, cause: String(cause ?? '') },
      'message rejected',
    );
    const messages = {
      malformed_message: 'That message is not a well-formed y-protocols message.',
      rate_limited: 'Too many updates too fast; reconnect and try again.',
      document_too_large: 'The board has reached its maximum size.',
    };
    this.disconnect(peer);
    peer.transport.close(new AppError(code, messages[code]));
  }

  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#options.logger.error({ err: error, documentId: this.id }, 'document failed; reloading');
    this.discard(
      storageFull(error) ??
        new AppError('internal_error', 'The board hit an error and was reloaded; reconnect.'),
    );
    this.#options.onFail(this);
  }

  /**
   * Stores nothing more and closes every connection with `reason`: the document failed, or its
   * board was deleted. What was received and not yet stored is dropped (after a failure the
   * database has everything acknowledged; a deleted board wants none of it).
   */
  discard(reason: AppError): void {
    this.#failed = true;
    this.#received = [];
    this.#receivedTypes.clear();
    this.#receivedClocks.clear();
    this.#pending = [];
    this.#whenStored = [];
    this.#closePeers(reason);
  }

  /** Closes the member's connections with `reason` (it was taken off the board). */
  closeMember(memberId: string, reason: AppError): void {
    this.#closePeers(reason, (peer) => peer.member.id === memberId);
  }

  /** Closes every connection (server shutdown) after flushing. */
  closeAll(error: AppError): void {
    this.flush();
    this.#closePeers(error);
  }

  #closePeers(reason: AppError, which: (peer: Peer) => boolean = () => true): void {
    for (const peer of Array.from(this.#peers)) {
      if (!which(peer)) continue;
      this.disconnect(peer);
      peer.transport.close(reason);
    }
  }

  destroy(): void {
    clearTimeout(this.#integrateTimer);
    clearTimeout(this.#privateEditTimer);
    this.#stored = null;
    this.#storedSyncCache = undefined;
    this.#presence.destroy();
    this.#doc.destroy();
  }
}

/**
 * How long a private document's edits must pause before the policy hears of them: longer than
 * the gaps in a run of messages a reconnecting client sends at once.
 */
const PRIVATE_EDITS_QUIET_MS = 500;

/** An update with nothing in it: the full sync of a document that has no stored state. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * How long a loaded document waits for a first sync step 1 (which it can answer from the
 * store) before integrating its stored state anyway.
 */
const INTEGRATE_DELAY_MS = 50;
/**
 * After a full sync from the store has left, how long the document waits for the next one
 * before integrating. Nothing needs the integrated document until someone edits, votes,
 * exports or reconnects with a state of their own (each of those integrates at once), while
 * integrating holds the event loop (0.8 s for 10,000 notes here): people joining a board
 * together are all answered from the stored bytes, none waits behind it.
 */
const INTEGRATE_AFTER_SYNC_MS = 1_000;
/**
 * A document that flushed less than this long ago counts as busy: its next updates wait for the
 * end of the event-loop turn and share one transaction (see #scheduleFlush).
 */
const QUIET_MS = 2;
/** A full sync from the store that has not left after this long no longer holds back loading. */
const MAX_SEND_WAIT_MS = 2_000;

/** A client with nothing yet, and a stored V1 state with no log tail: send the bytes as is. */
function answersFromStore(stored: StoredDocument, stateVector: Uint8Array): boolean {
  return stored.encoding === 1 && stored.updates.length === 0 && isEmptyStateVector(stateVector);
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

function sum(buffers: readonly Uint8Array[]): number {
  let total = 0;
  for (const buffer of buffers) total += buffer.length;
  return total;
}
