/**
 * The Socket.io transport: `io(url, { auth: { token, boardId } })`. Yjs travels as binary
 * y-protocols messages on the `yjs` event; everything else is a typed event (shared/events.ts).
 */
import type { Server as HttpServer } from 'node:http';
import { type ExtendedError, Server, type Socket } from 'socket.io';
import type { PublicMember } from '../../shared/api.ts';
import {
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SocketData,
  socketAuthSchema,
} from '../../shared/events.ts';
import { AppError } from '../errors.ts';
import type { RealtimeContext } from './realtime-context.ts';

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

export class SocketIoTransport {
  readonly io: IdeamillServer;
  readonly #context: RealtimeContext;

  constructor(httpServer: HttpServer, context: RealtimeContext) {
    this.#context = context;
    this.io = new Server(httpServer, {
      maxHttpBufferSize: context.maxMessageBytes,
      serveClient: false,
      // Leave upgrades on other paths (the y-websocket endpoint) alone.
      destroyUpgrade: false,
    });
    this.io.use((socket, next) => this.#authenticate(socket, next));
    this.io.on('connection', (socket) => this.#accept(socket));
  }

  #authenticate(socket: IdeamillSocket, next: (error?: ExtendedError) => void): void {
    const auth = socketAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      return next(
        refusal(new AppError('token_required', 'Connect with auth: { token, boardId }.')),
      );
    }
    try {
      socket.data.member = this.#context.boards.authenticate(auth.data.boardId, auth.data.token);
      next();
    } catch (error) {
      if (error instanceof AppError) return next(refusal(error));
      this.#context.logger.error({ err: error }, 'socket.io authentication failed');
      next(refusal(new AppError('internal_error', 'Unexpected error.')));
    }
  }

  #accept(socket: IdeamillSocket): void {
    const { documents, metrics, logger } = this.#context;
    const member = socket.data.member;
    let document: ReturnType<typeof documents.open>;
    try {
      document = documents.open({ boardId: member.boardId });
    } catch (error) {
      const failure =
        error instanceof AppError ? error : new AppError('internal_error', 'Unexpected error.');
      socket.emit('board:error', failure.toBody());
      socket.disconnect(true);
      return;
    }
    metrics.connections.inc({ transport: 'socketio' });
    const { boardId: _, ...publicMember } = member;
    socket.emit('board:welcome', {
      member: publicMember satisfies PublicMember,
      protocol: PROTOCOL_VERSION,
    });
    const peer = document.connect(member, {
      kind: 'socketio',
      send: (message) => socket.emit('yjs', message),
      notify: (error) => socket.emit('board:error', error.toBody()),
      close: (error) => {
        socket.emit('board:error', error.toBody());
        socket.disconnect(true);
      },
    });
    socket.on('yjs', (message: unknown) => {
      if (peer.closed) return;
      if (!(message instanceof Uint8Array)) {
        document.disconnect(peer);
        socket.emit('board:error', {
          code: 'malformed_message',
          message: 'The yjs event carries one binary y-protocols message.',
        });
        socket.disconnect(true);
        return;
      }
      document.receive(peer, message);
    });
    socket.on('disconnect', () => {
      metrics.connections.dec({ transport: 'socketio' });
      document.disconnect(peer);
    });
    socket.on('error', (error) => logger.debug({ err: error }, 'socket.io error'));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}

/** Socket.io hands `data` to the client's connect_error handler. */
function refusal(error: AppError): ExtendedError {
  const extended: ExtendedError = new Error(error.message);
  extended.data = error.toBody();
  return extended;
}
