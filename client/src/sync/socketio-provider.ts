/**
 * Keeps a Y.Doc in sync with a board over Socket.io, like y-websocket's WebsocketProvider
 * does over a plain WebSocket. Works in browsers and in Node.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ObservableV2 } from 'lib0/observable';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { PublicMember } from '../../../shared/api.ts';
import { PROTOCOL_VERSION } from '../../../shared/constants.ts';
import type { ErrorBody } from '../../../shared/errors.ts';
import type {
  ClientToServerEvents,
  ContentEncoding,
  ServerToClientEvents,
} from '../../../shared/events.ts';
import { presenceLastsWhileConnected } from '../../../shared/presence-lifetime.ts';
import { ACCEPTED_ENCODINGS, inflateRaw } from './inflate.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
/** How long an edit may wait for the server's word that it is stored (see #sendEdits). */
const ACK_TIMEOUT_MS = 10_000;

/** A sync step 2 with an empty update: the answer of a client that has nothing new. */
function isNothingToSend(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
  if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return false;
  const update = decoding.readVarUint8Array(decoder);
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Server-side reasons for closing a connection that say "come back later" rather than "you
 * may not": after these the provider reconnects by itself when reconnection is on, because
 * Socket.io never retries a disconnect that the server initiated.
 */
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'shutting_down',
  'internal_error',
  'rate_limited',
]);

/**
 * Servers (by URL) to which a WebSocket was seen not to get through: a later connection there
 * (the private document's, a reconnect after a reload of the provider) starts on long-polling
 * at once instead of waiting out the same failure (QA: a private note took 20 s to be sent).
 */
const websocketBlocked = new Set<string>();

export interface SocketIoProviderOptions {
  token: string;
  /** `yjs` syncs the shared board; `private:yjs` my private document (silent writing). */
  channel?: 'yjs' | 'private:yjs';
  awareness?: awarenessProtocol.Awareness;
  socket?: Partial<ManagerOptions & SocketOptions>;
  /** How long an edit may wait for the server's word that it is stored (default 10 s). */
  ackTimeoutMs?: number;
  /**
   * Whether the server may send large sync messages compressed (default true): a large board's
   * first sync is then about 4 × smaller, for a little CPU at either end.
   */
  compressed?: boolean;
}

type Events = {
  synced: (synced: boolean) => void;
  status: (status: 'connected' | 'disconnected') => void;
  welcome: (member: PublicMember) => void;
  'board-error': (error: ErrorBody) => void;
  /** The server has every edit of this document's: see `allStored`. */
  stored: () => void;
};

export class SocketIoProvider extends ObservableV2<Events> {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly channel: 'yjs' | 'private:yjs';
  /** True when this provider made its own Awareness, and so must destroy it. */
  readonly #ownsAwareness: boolean;
  synced = false;
  member: PublicMember | null = null;
  /** The web client build the server serves, as its last welcome said (`board:welcome`). */
  serverBuild: string | undefined;
  /** The last error the server sent before closing; decides whether to come back. */
  lastError: ErrorBody | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Edits sent on this connection that the server has not yet said it stored. */
  #unacknowledged = 0;
  /** Bumped on each disconnect: an acknowledgement from an earlier connection counts for none. */
  #connection = 0;
  /** A connection whose messages are no longer applied: one of them did not inflate. */
  #abandoned = -1;
  readonly #ackTimeoutMs: number;
  readonly #url: string;
  /** Whether this connection's server acknowledges stored edits (its welcome says so). */
  #acknowledged = false;
  /** The largest message the server takes, as its welcome said (none said: no limit known). */
  #maxMessageBytes = Number.POSITIVE_INFINITY;

  constructor(url: string, boardId: string, doc: Y.Doc, options: SocketIoProviderOptions) {
    super();
    this.doc = doc;
    this.#ownsAwareness = options.awareness === undefined;
    this.awareness = options.awareness ?? new awarenessProtocol.Awareness(doc);
    // Others' presence goes when the server says they left, or when this connection ends.
    presenceLastsWhileConnected(this.awareness);
    this.channel = options.channel ?? 'yjs';
    this.#ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
    this.#url = url;
    this.socket = io(url, {
      // A WebSocket at once; where none gets through (an office proxy, a reverse proxy without
      // the Upgrade headers), long-polling in the same attempt (QA: the board never connected).
      // Where that was seen before, long-polling first, upgrading where it can.
      transports: websocketBlocked.has(url) ? ['polling', 'websocket'] : ['websocket', 'polling'],
      tryAllTransports: true,
      ...options.socket,
      auth: {
        token: options.token,
        boardId,
        protocol: PROTOCOL_VERSION,
        acceptEncoding: options.compressed === false ? [] : [...ACCEPTED_ENCODINGS],
      },
    });
    this.socket.on('connect', this.#onConnect);
    this.socket.on('disconnect', this.#onDisconnect);
    this.socket.on(this.channel, this.#onMessage);
    this.socket.on('board:welcome', ({ member, build, acknowledges, maxMessageBytes }) => {
      this.member = member;
      this.#acknowledged = acknowledges === true;
      this.#maxMessageBytes = maxMessageBytes ?? Number.POSITIVE_INFINITY;
      this.serverBuild = build;
      this.emit('welcome', [member]);
    });
    this.socket.on('board:error', (error) => {
      this.lastError = error;
      this.emit('board-error', [error]);
    });
    this.socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: ErrorBody }).data;
      if (data) this.emit('board-error', [data]);
      // An upgrade nobody answers fails no transport: the connect timeout ends the attempt.
      // The next ones start on long-polling, which upgrades to a WebSocket where it can.
      else if (error.message === 'timeout') {
        websocketBlocked.add(url);
        this.socket.io.opts.transports = ['polling', 'websocket'];
      }
    });
    doc.on('afterTransactionCleanup', this.#listenForEdits);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  #send(build: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    build(encoder);
    if (this.socket.connected) this.socket.emit(this.channel, encoding.toUint8Array(encoder));
  }

  /**
   * Sends a message that carries edits and counts it until the server says it is stored. No
   * word within ackTimeoutMs is `unanswered()`: the reconnect's sync sends the edits again.
   */
  #sendEdits(message: Uint8Array): void {
    if (!this.socket.connected) return;
    if (message.byteLength > this.#maxMessageBytes) return this.#tooLarge();
    // A server before acknowledgements (a rollback; an older server in an A/B benchmark) would
    // never answer: the edits go as before.
    if (!this.#acknowledged) {
      this.socket.emit(this.channel, message);
      this.#checkStored();
      return;
    }
    const connection = this.#connection;
    this.#unacknowledged++;
    const answered = (timedOut: Error | null) => {
      if (connection !== this.#connection) return;
      if (!timedOut) {
        this.#unacknowledged--;
        this.#checkStored();
        return;
      }
      this.unanswered();
    };
    // Socket.io's types cannot follow an optional acknowledgement through timeout().
    const timed = this.socket.timeout(this.#ackTimeoutMs) as unknown as {
      emit(event: string, ...args: unknown[]): void;
    };
    timed.emit(this.channel, message, answered);
  }

  /**
   * An edit larger than the server takes: sent, the transport cut the connection before the
   * server could say why, and the client reconnected and sent it again, for ever (operator
   * QA). Refused here as the server would refuse it: `payload_too_large`, and no reconnecting.
   */
  #tooLarge(): void {
    const error: ErrorBody = {
      code: 'payload_too_large',
      message: `A ${this.channel} message is at most ${this.#maxMessageBytes} bytes.`,
    };
    this.lastError = error;
    this.emit('board-error', [error]);
    this.socket.disconnect();
  }

  /**
   * A message on this connection (edits, or a workshop request: a vote) got no answer in time.
   * On a synced connection that means it died without closing (a Wi-Fi re-association, a network
   * switch, a NAT that forgot it), which Socket.io's own pings notice only 30 s after the last
   * one while the page says it is live (QA): it is closed, and the client connects again. Still
   * taking in its first sync (megabytes on a slow link, ahead of the answer), it is slow, not
   * dead, and is left alone.
   */
  unanswered(): void {
    if (this.synced && this.socket.connected) this.socket.io.engine?.close();
  }

  /** Whether edits sent are still waiting for the server to say they are stored. */
  get unacknowledged(): boolean {
    return this.#unacknowledged > 0;
  }

  /**
   * Whether the server has every edit this document holds: the board has arrived, and the
   * server has said each message of edits is stored (a server that does not acknowledge: sent).
   * What the server lacked went in the answer to its sync step 1, which comes before its step 2
   * wherever this document holds anything (only a new, empty page's sync of a board not yet
   * loaded gets step 2 first). 'stored' says when this becomes true.
   */
  get allStored(): boolean {
    return this.synced && this.#unacknowledged === 0;
  }

  #checkStored(): void {
    if (this.allStored) this.emit('stored', []);
  }

  #onConnect = (): void => {
    this.lastError = null;
    // Asked for a WebSocket first and connected over long-polling: the WebSocket failed.
    const asked = this.socket.io.opts.transports?.[0];
    if (asked === 'websocket' && this.socket.io.engine.transport.name === 'polling') {
      websocketBlocked.add(this.#url);
    }
    this.emit('status', ['connected']);
    this.#send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
    });
    // Set anew, under a newer clock: the server and everyone else removed this state when the
    // connection dropped, and keep its old clock, so the same state at the same clock would be
    // taken for old news until the next renewal, up to a minute in a background tab (QA).
    const state = this.awareness.getLocalState();
    if (state !== null) this.awareness.setLocalState(state);
  };

  #onDisconnect = (reason: string): void => {
    this.#setSynced(false);
    // What was sent and not acknowledged goes again with the next connection's sync.
    this.#connection++;
    this.#acknowledged = false;
    this.#unacknowledged = 0;
    const retryable = this.lastError !== null && RETRYABLE_CODES.has(this.lastError.code);
    if (reason === 'io server disconnect' && retryable && this.socket.io.reconnection()) {
      // A restarting server says goodbye first; give it a moment, then the manager's own
      // backoff takes over if it is not back yet. The sync handshake on connect sends every
      // edit made meanwhile (the server's sync step 1 is answered with what it lacks).
      clearTimeout(this.#retryTimer);
      this.#retryTimer = setTimeout(() => this.socket.connect(), 300 + Math.random() * 700);
    }
    this.emit('status', ['disconnected']);
    const others = Array.from(this.awareness.getStates().keys()).filter(
      (id) => id !== this.doc.clientID,
    );
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    // Their clocks go too: on reconnecting the server sends each present state as it has it,
    // with the clock seen before, and a state at a known clock is taken for old news. People
    // sitting still showed only at their next renewal, up to 15 s later.
    for (const id of others) this.awareness.meta.delete(id);
  };

  #onMessage = (data: ArrayBuffer | Uint8Array, encoding?: ContentEncoding): void => {
    if (this.#abandoned === this.#connection) return;
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (encoding === undefined) return this.#apply(bytes);
    let message: Uint8Array;
    try {
      message = inflateRaw(bytes);
    } catch {
      // Not valid DEFLATE: nothing after it on this connection can be trusted to build on it
      // (messages already on their way still arrive). Start again: the next connection's sync
      // brings the board.
      this.#abandoned = this.#connection;
      this.socket.io.engine?.close();
      return;
    }
    this.#apply(message);
  };

  #apply(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      // The answer to the server's step 1 carries what it lacks: edits made while offline.
      // Usually it lacks nothing, and that answer stores nothing to wait for.
      if (encoding.length(encoder) > 1) {
        const reply = encoding.toUint8Array(encoder);
        if (isNothingToSend(reply)) this.socket.emit(this.channel, reply);
        else this.#sendEdits(reply);
      }
      if (step === syncProtocol.messageYjsSyncStep2) this.#setSynced(true);
      if (step !== syncProtocol.messageYjsUpdate) this.#checkStored();
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      );
    }
  }

  /**
   * Yjs encodes a transaction for the 'update' event right after 'afterTransactionCleanup', and
   * only if something listens. The provider needs the bytes of the edits it did not apply
   * itself, so it listens for those transactions alone: the state it receives (megabytes on a
   * large board, the whole board on joining) is not encoded a second time for nothing.
   */
  #listenForEdits = (transaction: Y.Transaction): void => {
    if (transaction.origin === this) this.doc.off('update', this.#onDocUpdate);
    else this.doc.on('update', this.#onDocUpdate);
  };

  #onDocUpdate = (update: Uint8Array): void => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.#sendEdits(encoding.toUint8Array(encoder));
  };

  #onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    const changed = change.added.concat(change.updated, change.removed);
    this.#send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
    });
  };

  #setSynced(synced: boolean): void {
    if (this.synced === synced) return;
    this.synced = synced;
    this.emit('synced', [synced]);
  }

  /** Sends a raw message as-is: for tools and tests that speak the protocol themselves. */
  sendRaw(message: Uint8Array): void {
    this.socket.emit(this.channel, message);
  }

  override destroy(): void {
    clearTimeout(this.#retryTimer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    this.doc.off('afterTransactionCleanup', this.#listenForEdits);
    this.doc.off('update', this.#onDocUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.socket.disconnect();
    // Awareness runs a timer: one left behind keeps a Node process alive.
    if (this.#ownsAwareness) this.awareness.destroy();
    super.destroy();
  }
}
