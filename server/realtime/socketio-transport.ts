/**
 * The Socket.io transport: `io(url, { auth: { token, boardId } })`. Yjs travels as binary
 * y-protocols messages on the `yjs` (shared board) and `private:yjs` (my private document)
 * events; everything else is a typed event (shared/events.ts). Implements BoardEvents with
 * one room per board and one per role on it.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { type ExtendedError, Server, type Socket } from 'socket.io';
import { publicMember } from '../../shared/api.ts';
import {
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SocketData,
  socketAuthSchema,
} from '../../shared/events.ts';
import type { Member, Role } from '../../shared/roles.ts';
import { INVALID_TOKEN } from '../boards/boards-service.ts';
import type { DocumentKey } from '../documents/document-key.ts';
import type { LiveDocument } from '../documents/live-document.ts';
import type { BroadcastGroup, Peer, PeerTransport } from '../documents/peer.ts';
import { AppError } from '../errors.ts';
import type {
  BoardEvents,
  ConnectionId,
  EventArgs,
  EventName,
  MemberRef,
} from '../facilitation/board-events.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import type { FollowThrough } from '../follow-through/follow-through.ts';
import { TurnQueue } from '../util/turn-queue.ts';
import { clientAddress } from './client-address.ts';
import { logConnected, logRefused } from './connection-log.ts';
import { DEFLATE_RAW, deflatedOf } from './deflated.ts';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from './liveness.ts';
import type { RealtimeContext } from './realtime-context.ts';
import { registerRequests } from './socketio-requests.ts';
import { emitBinaryToEach, tcpSocketOf } from './socketio-wire.ts';

type IdeamillServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type IdeamillSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

const boardRoom = (boardId: string) => `board:${boardId}`;
const roleRoom = (boardId: string, role: Role) => `board:${boardId}:${role}`;
/** One member's connections (several tabs, several devices). */
const memberRoom = (member: MemberRef) => `member:${member.boardId}:${member.id}`;
/** One device's connections (its tabs: they share its token). */
const deviceRoom = (device: string) => `device:${device}`;
/** The sockets connected to one document over one event: a relay is encoded once for all. */
const documentRoom = (documentId: string, event: string) => `${event}:${documentId}`;

export class SocketIoTransport implements BoardEvents {
  readonly io: IdeamillServer;
  readonly #context: RealtimeContext;
  readonly #facilitation: Facilitation;
  readonly #followThrough: FollowThrough;
  readonly #groups = new Map<string, BroadcastGroup>();
  readonly #admissions = new TurnQueue();

  constructor(
    httpServer: HttpServer,
    context: RealtimeContext,
    facilitation: Facilitation,
    followThrough: FollowThrough,
  ) {
    this.#context = context;
    this.#facilitation = facilitation;
    this.#followThrough = followThrough;
    this.io = new Server(httpServer, {
      pingInterval: PING_INTERVAL_MS,
      pingTimeout: PING_TIMEOUT_MS,
      // Long-polling carries binary as base64, a third larger: engine.io's limit leaves room
      // for that, and each message is held to MAX_MESSAGE_BYTES itself (#channel), so the
      // limit is the same over either transport (QA: 3.3 MB got through a WebSocket only).
      maxHttpBufferSize: Math.ceil((context.maxMessageBytes * 4) / 3) + POLLING_HEADROOM_BYTES,
      serveClient: false,
      // Leave upgrades on other paths (the y-websocket endpoint) alone.
      destroyUpgrade: false,
    });
    this.io.of('/').adapter.on('delete-room', (room: string) => this.#groups.delete(room));
    // What engine.io turns away before Socket.io sees it (an unknown session id behind a
    // balancer without sticky sessions, an outdated client) leaves no other trace (QA).
    this.io.engine.on(
      'connection_error',
      (error: { req?: IncomingMessage; code?: number; message?: string }) =>
        context.logger.info(
          {
            transport: 'socketio',
            code: error.code,
            reason: error.message,
            ip: error.req ? clientAddress(error.req, context.trustProxyHops) : undefined,
          },
          'connection refused',
        ),
    );
    // A storm of connections is admitted one per event-loop turn (see TurnQueue).
    this.io.use((socket, next) => this.#admissions.run(() => this.#authenticate(socket, next)));
    this.io.on('connection', (socket) => this.#accept(socket));
  }

  toBoard<E extends EventName>(boardId: string, event: E, ...args: EventArgs<E>): void {
    // Socket.io's emit typing cannot follow a generic event name; the signature above can.
    (this.io.to(boardRoom(boardId)).emit as (event: E, ...args: EventArgs<E>) => boolean)(
      event,
      ...args,
    );
  }

  toRole<E extends EventName>(boardId: string, role: Role, event: E, ...args: EventArgs<E>): void {
    (this.io.to(roleRoom(boardId, role)).emit as (event: E, ...args: EventArgs<E>) => boolean)(
      event,
      ...args,
    );
  }

  toMember<E extends EventName>(
    member: MemberRef,
    origin: ConnectionId | undefined,
    event: E,
    ...args: EventArgs<E>
  ): void {
    const room = memberRoom(member);
    const sockets = this.io.of('/').adapter.rooms.get(room);
    // Usually the member's only connection is the one that asked: nothing to encode or send.
    if (!sockets || (origin !== undefined && sockets.size === 1 && sockets.has(origin))) return;
    const others = origin === undefined ? this.io.to(room) : this.io.to(room).except(origin);
    (others.emit as (event: E, ...args: EventArgs<E>) => boolean)(event, ...args);
  }

  #authenticate(socket: IdeamillSocket, next: (error?: ExtendedError) => void): void {
    const auth = socketAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      const { token, boardId } = socket.handshake.auth ?? {};
      const onlyIn = (field: string) => auth.error.issues.every((issue) => issue.path[0] === field);
      // A board id that is not one of ours is an unknown board, as over HTTP and y-websocket;
      // a token of no length a token has opens nothing, as an unknown one does.
      return next(
        this.#refusal(
          socket,
          typeof boardId === 'string' && onlyIn('boardId')
            ? new AppError('board_not_found', 'There is no board with that id.')
            : typeof token === 'string' && token !== '' && onlyIn('token')
              ? INVALID_TOKEN
              : new AppError('token_required', 'Connect with auth: { token, boardId }.'),
        ),
      );
    }
    try {
      const { member, device } = this.#context.boards.signIn(auth.data.boardId, auth.data.token);
      const release = this.#context.connections.admit(member.id, device);
      // A socket whose client leaves before it has connected never says 'disconnect'.
      socket.once('disconnect', release);
      socket.client.conn.once('close', release);
      socket.data.member = member;
      socket.data.device = device;
      socket.data.acceptsDeflate = auth.data.acceptEncoding?.includes(DEFLATE_RAW) ?? false;
      next();
    } catch (error) {
      if (error instanceof AppError) return next(this.#refusal(socket, error));
      this.#context.logger.error({ err: error }, 'socket.io authentication failed');
      next(this.#refusal(socket, new AppError('internal_error', 'Unexpected error.')));
    }
  }

  #refusal(socket: IdeamillSocket, error: AppError): ExtendedError {
    const { logger, trustProxyHops } = this.#context;
    const ip = clientAddress(socket.request, trustProxyHops);
    logRefused(logger, 'socketio', socket.handshake.auth?.boardId, error.code, ip);
    return refusal(error);
  }

  #accept(socket: IdeamillSocket): void {
    const { metrics, logger } = this.#context;
    const member = socket.data.member;
    metrics.connections.inc({ transport: 'socketio' });
    socket.emit('board:welcome', {
      member: publicMember(member),
      board: this.#context.boards.get(member.boardId),
      protocol: PROTOCOL_VERSION,
      acknowledges: true,
      maxMessageBytes: this.#context.maxMessageBytes,
      ...(this.#context.clientBuild ? { build: this.#context.clientBuild } : {}),
    });
    socket.emit('board:state', this.#facilitation.state.get(member.boardId));
    socket.join([
      boardRoom(member.boardId),
      roleRoom(member.boardId, member.role),
      memberRoom(member),
      deviceRoom(socket.data.device),
    ]);
    registerRequests(socket, this.#context.boards, this.#facilitation, this.#followThrough, logger);

    const shared = this.#channel(socket, member, 'yjs', { boardId: member.boardId });
    // The private document is opened on its first message: most connections never use it.
    let privateChannel: Channel | undefined;
    socket.on('private:yjs', (message, stored) => {
      privateChannel ??= this.#channel(socket, member, 'private:yjs', {
        boardId: member.boardId,
        owner: member.id,
      });
      privateChannel?.receive(message, stored);
    });
    socket.on('yjs', (message, stored) => shared?.receive(message, stored));
    // The transport it opened on (long-polling where WebSockets are blocked); it may upgrade.
    const logClosed = logConnected(logger, 'socketio', member, {
      ip: clientAddress(socket.request, this.#context.trustProxyHops),
      via: socket.conn.transport.name,
    });
    socket.on('disconnect', (reason) => {
      // Socket.io says 'server namespace disconnect' whatever the server closed it for.
      logClosed(socket.data.closedFor ?? reason);
      metrics.connections.dec({ transport: 'socketio' });
      shared?.close();
      privateChannel?.close();
    });
    socket.on('error', (error) => logger.debug({ err: error }, 'socket.io error'));
  }

  /** Connects one socket to one document over one event name. */
  #channel(
    socket: IdeamillSocket,
    member: Member,
    event: 'yjs' | 'private:yjs',
    key: DocumentKey,
  ): Channel | undefined {
    let document: LiveDocument;
    try {
      document = this.#context.documents.open(key);
    } catch (error) {
      const failure =
        error instanceof AppError ? error : new AppError('internal_error', 'Unexpected error.');
      closeWith(socket, failure);
      return undefined;
    }
    const room = documentRoom(document.id, event);
    const { maxMessageBytes } = this.#context;
    const { compressedSyncBytes, messagesRejected } = this.#context.metrics;
    const transport: PeerTransport = {
      kind: 'socketio',
      send: (message, onSent) => {
        // Long-polling compresses its responses already (engine.io's httpCompression).
        const deflated =
          socket.data.acceptsDeflate && socket.conn.transport.name === 'websocket'
            ? deflatedOf(message)
            : null;
        if (deflated) {
          socket.emit(event, deflated, DEFLATE_RAW);
          compressedSyncBytes.inc({ bytes: 'original' }, message.length);
          compressedSyncBytes.inc({ bytes: 'sent' }, deflated.length);
        } else {
          socket.emit(event, message);
        }
        if (onSent) whenWritten(socket, onSent);
      },
      group: this.#group(room, event),
      notify: (error) => socket.emit('board:error', error.toBody()),
      close: (error) => closeWith(socket, error),
    };
    socketsByTransport.set(transport, socket.id);
    // Joined before connecting, so the first relay after the handshake reaches this socket.
    socket.join(room);
    const peer: Peer = document.connect(member, transport);
    // Made once per connection, not per message: a function made in a message's path costs an
    // Object.defineProperty too (tsx names each one it compiles; a CPU profile found it).
    const refuse = (error: AppError) => {
      messagesRejected.inc({ reason: error.code });
      document.disconnect(peer);
      transport.close(error);
    };
    return {
      receive(message: unknown, stored: unknown) {
        if (peer.closed) return;
        if (!(message instanceof Uint8Array)) {
          return refuse(
            new AppError(
              'malformed_message',
              `The ${event} event carries one binary y-protocols message.`,
            ),
          );
        }
        if (message.byteLength > maxMessageBytes) {
          return refuse(
            new AppError(
              'payload_too_large',
              `A ${event} message is at most ${maxMessageBytes} bytes.`,
            ),
          );
        }
        // An acknowledgement is a function Socket.io made; anything else a client sent is not.
        document.receive(peer, message, typeof stored === 'function' ? () => stored() : undefined);
      },
      close() {
        document.disconnect(peer);
        socket.leave(room);
      },
    };
  }

  /** One group per room, kept while the room exists. */
  #group(room: string, event: 'yjs' | 'private:yjs'): BroadcastGroup {
    let group = this.#groups.get(room);
    if (!group) {
      group = {
        broadcast: (message, except) => {
          const exceptId = except ? socketsByTransport.get(except) : undefined;
          const ids = this.io.of('/').adapter.rooms.get(room) ?? [];
          const targets = exceptId ? [...ids].filter((id) => id !== exceptId) : ids;
          emitBinaryToEach(this.io, targets, event, message);
        },
      };
      this.#groups.set(room, group);
    }
    return group;
  }

  /** Tells every connection to the board `reason`, then closes it (the board was deleted). */
  closeBoard(boardId: string, reason: AppError): void {
    this.#closeRoom(boardRoom(boardId), reason);
  }

  /** Tells one member's connections `reason`, then closes them (it was taken off the board). */
  closeMember(member: MemberRef, reason: AppError): void {
    this.#closeRoom(memberRoom(member), reason);
  }

  /** Tells one device's connections `reason`, then closes them (its member signed it out). */
  closeDevice(device: string, reason: AppError): void {
    this.#closeRoom(deviceRoom(device), reason);
  }

  #closeRoom(room: string, reason: AppError): void {
    this.io.to(room).emit('board:error', reason.toBody());
    for (const id of this.io.of('/').adapter.rooms.get(room) ?? []) {
      const socket = this.io.of('/').sockets.get(id);
      if (socket) socket.data.closedFor = reason.code;
    }
    this.io.in(room).disconnectSockets(true);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}

/** Tells the client why, then closes its connection. */
function closeWith(socket: IdeamillSocket, error: AppError): void {
  socket.emit('board:error', error.toBody());
  socket.data.closedFor = error.code;
  socket.disconnect(true);
}

/** Which socket a transport belongs to, so a relay can skip the socket it came from. */
const socketsByTransport = new WeakMap<PeerTransport, string>();

/**
 * Calls `done` once everything emitted on the socket so far has gone to the kernel: out of
 * engine.io's write buffer (it holds packets while an earlier write is in flight) and out of
 * the TCP socket's. Neither says when it empties, so this looks every few milliseconds.
 */
function whenWritten(socket: IdeamillSocket, done: () => void): void {
  const check = () => {
    if (socket.disconnected) return done();
    const pending = (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length;
    if (!pending && !tcpSocketOf(socket)?.writableLength) return done();
    setTimeout(check, WRITE_POLL_MS);
  };
  check();
}

const WRITE_POLL_MS = 5;

/** Room in a long-polling request for what travels with a message: headers, other packets. */
const POLLING_HEADROOM_BYTES = 64 * 1024;

interface Channel {
  receive(message: unknown, stored?: unknown): void;
  close(): void;
}

/** Socket.io hands `data` to the client's connect_error handler. */
function refusal(error: AppError): ExtendedError {
  const extended: ExtendedError = new Error(error.message);
  extended.data = error.toBody();
  return extended;
}
