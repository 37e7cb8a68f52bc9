/**
 * The standard y-websocket endpoint: ws://HOST/yjs/:boardId?token=… for the shared board, and
 * ws://HOST/yjs/:boardId/private?token=… for the member's private document (silent writing).
 * A stock `WebsocketProvider` connects here. Refusals close the socket with a 4xxx code whose
 * reason is the error code (shared/errors.ts CLOSE_CODE), before any document data is sent.
 */
import { type Server as HttpServer, type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { CLOSE_CODE } from '../../shared/errors.ts';
import type { Peer, PeerTransport } from '../documents/peer.ts';
import { AppError } from '../errors.ts';
import { loggablePath } from '../observability/request-log.ts';
import { clientAddress } from './client-address.ts';
import { logConnected, logRefused } from './connection-log.ts';
import { PING_INTERVAL_MS, PING_TIMEOUT_MS } from './liveness.ts';
import type { RealtimeContext } from './realtime-context.ts';
import { WebSocketGroup } from './websocket-broadcast.ts';

const PATH = /^\/yjs\/([^/?]+)(\/private)?\/?$/;
/** Refusals that trying again will not change, and how long each is held before the close. */
const FINAL_REFUSALS: ReadonlySet<string> = new Set([
  'token_required',
  'invalid_token',
  'member_removed',
  'device_signed_out',
  'board_not_found',
  'board_deleted',
]);
const FINAL_REFUSAL_DELAY_MS = 1_000;

export class YWebsocketTransport {
  readonly #context: RealtimeContext;
  readonly #wss: WebSocketServer;
  /** What the pings have learnt of each admitted socket (liveness.ts). */
  readonly #liveness = new WeakMap<WebSocket, Liveness>();
  readonly #pinger: NodeJS.Timeout;
  readonly #groups = new Map<string, WebSocketGroup>();
  /** Each device's open sockets, each with how to take it off its document at once. */
  readonly #byDevice = new Map<string, Map<WebSocket, () => void>>();

  /**
   * `otherPaths`: prefixes of upgrade paths another transport answers (Socket.io's engine). Any
   * other upgrade that is not a y-websocket address is refused here with 404: nothing else would
   * answer it, and the socket would hang until the client gave up.
   */
  constructor(httpServer: HttpServer, context: RealtimeContext, otherPaths: readonly string[]) {
    this.#context = context;
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: context.maxMessageBytes });
    // A handshake ws cannot take (no Sec-WebSocket-Key, a version it does not speak, a POST) is
    // refused in the API's JSON shape, not ws's own text/html line (operator QA).
    this.#wss.on('wsClientError', (error: Error, socket: Duplex) => refuseHandshake(socket, error));
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const match = PATH.exec(url.pathname);
      const ip = clientAddress(request, context.trustProxyHops);
      if (!match) {
        if (otherPaths.some((prefix) => url.pathname.startsWith(prefix))) return;
        // A client pointed at the wrong address (a provider given the board link, a proxy that
        // rewrote the path) is otherwise only a connection that fails at the client.
        context.logger.info(
          { transport: 'ywebsocket', path: loggablePath(url.pathname), code: ROUTE_NOT_FOUND, ip },
          'connection refused',
        );
        refuseUpgrade(socket);
        return;
      }
      this.#wss.handleUpgrade(request, socket, head, (ws) => {
        // Bad percent-encoding names no board: refused in #accept like any unknown one.
        const boardId = decodeSegment(match[1]!) ?? '';
        this.#accept(ws, boardId, match[2] !== undefined, url.searchParams.get('token'), ip);
      });
    });
    this.#pinger = setInterval(() => this.#ping(), PING_INTERVAL_MS);
    this.#pinger.unref();
  }

  get connectionCount(): number {
    return this.#wss.clients.size;
  }

  #accept(
    ws: WebSocket,
    boardId: string,
    isPrivate: boolean,
    token: string | null,
    ip: string | undefined,
  ): void {
    const { boards, documents, metrics, logger, connections } = this.#context;
    let peer: Peer;
    let release = () => {};
    try {
      const { member, device } = boards.signIn(boardId, token);
      release = connections.admit(member.id, device);
      const document = documents.open(isPrivate ? { boardId, owner: member.id } : { boardId });
      ws.binaryType = 'nodebuffer';
      this.#liveness.set(ws, { heard: true, missed: 0, buffered: 0 });
      metrics.connections.inc({ transport: 'ywebsocket' });
      const group = this.#group(document.id);
      const transport: PeerTransport = {
        kind: 'ywebsocket',
        send: (message, onSent) => {
          if (ws.readyState === ws.OPEN) ws.send(message, { binary: true }, onSent);
          else onSent?.();
        },
        group,
        notify: () => {
          // The y-websocket protocol has no error message: a refused edit is simply dropped.
        },
        close: (error) => closeWith(ws, error),
      };
      group.members.set(transport, ws);
      peer = document.connect(member, transport);
      const ofDevice = this.#byDevice.get(device) ?? new Map<WebSocket, () => void>();
      this.#byDevice.set(
        device,
        ofDevice.set(ws, () => document.disconnect(peer)),
      );
      const logClosed = logConnected(logger, 'ywebsocket', member, {
        ip,
        ...(isPrivate ? { document: 'private' } : {}),
      });
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!isBinary || !(data instanceof Buffer)) {
          // Counted as every refused message is (operator QA: text frames went uncounted).
          metrics.messagesRejected.inc({ reason: 'malformed_message' });
          document.disconnect(peer);
          closeWith(ws, new AppError('malformed_message', 'Only binary y-protocols messages.'));
          return;
        }
        // The document may have been reloaded since this socket connected.
        if (peer.closed) return;
        document.receive(peer, data);
      });
      ws.on('close', (code) => {
        // A shutdown cuts the socket after its close: the peer's 1006, not the 1001 sent.
        logClosed(closedFor.get(ws) ?? code);
        release();
        ofDevice.delete(ws);
        if (ofDevice.size === 0 && this.#byDevice.get(device) === ofDevice) {
          this.#byDevice.delete(device);
        }
        metrics.connections.dec({ transport: 'ywebsocket' });
        document.disconnect(peer);
        group.members.delete(transport);
        if (group.members.size === 0 && this.#groups.get(document.id) === group) {
          this.#groups.delete(document.id);
        }
      });
      ws.on('pong', () => {
        const liveness = this.#liveness.get(ws);
        if (liveness) liveness.heard = true;
      });
      ws.on('error', (error) => {
        // ws closes with 1009 a message over maxPayload itself: the log says why (review).
        const code = (error as { code?: string }).code;
        if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
          closedFor.set(ws, 'payload_too_large');
          metrics.messagesRejected.inc({ reason: 'payload_too_large' });
        }
        logger.debug({ err: error, boardId }, 'y-websocket error');
      });
    } catch (error) {
      release();
      const refusal =
        error instanceof AppError ? error : new AppError('internal_error', 'Unexpected error.');
      if (!(error instanceof AppError)) logger.error({ err: error }, 'y-websocket accept failed');
      logRefused(logger, 'ywebsocket', boardId, refusal.code, ip);
      if (!FINAL_REFUSALS.has(refusal.code)) return closeWith(ws, refusal);
      // A stock WebsocketProvider reconnects after any close, and having opened it forgets its
      // back-off: refused at once, it came back ten times a second for good once its board was
      // deleted or its member taken off (QA). Held a moment, it comes back once a second.
      const timer = setTimeout(() => closeWith(ws, refusal), FINAL_REFUSAL_DELAY_MS);
      timer.unref();
      ws.once('close', () => clearTimeout(timer));
      // Whatever it sends meanwhile is not read; a frame ws cannot take must not crash us.
      ws.on('error', (error) => logger.debug({ err: error, boardId }, 'y-websocket error'));
    }
  }

  /** Closes one device's connections with `reason` (its member signed it out). */
  closeDevice(device: string, reason: AppError): void {
    for (const [ws, detach] of this.#byDevice.get(device) ?? []) {
      // Nothing it sends during the closing handshake reaches the board.
      detach();
      closeWith(ws, reason);
    }
  }

  /** The connections to one document, relayed to with one frame. */
  #group(documentId: string): WebSocketGroup {
    let group = this.#groups.get(documentId);
    if (!group) {
      group = new WebSocketGroup();
      this.#groups.set(documentId, group);
    }
    return group;
  }

  #ping(): void {
    for (const ws of this.#wss.clients) {
      // One refused, closing in a moment, was never admitted: nothing heard from it.
      let liveness = this.#liveness.get(ws);
      if (!liveness) {
        liveness = { heard: false, missed: 0, buffered: 0 };
        this.#liveness.set(ws, liveness);
      }
      // A client still reading what was sent to it (a large board's first sync on a slow line)
      // has its answer waiting behind that; one gone drains nothing.
      const buffered = ws.bufferedAmount;
      const draining = buffered > 0 && buffered < liveness.buffered;
      liveness.missed = liveness.heard || draining ? 0 : liveness.missed + 1;
      liveness.heard = false;
      liveness.buffered = buffered;
      // The ping sent PING_TIMEOUT_MS ago unanswered (and the one after it): as Socket.io does.
      if (liveness.missed * PING_INTERVAL_MS >= PING_TIMEOUT_MS) {
        // Socket.io's words for the same: the log reads alike for either transport.
        closedFor.set(ws, 'ping timeout');
        ws.terminate();
        continue;
      }
      ws.ping();
    }
  }

  close(): void {
    clearInterval(this.#pinger);
    for (const ws of this.#wss.clients) ws.terminate();
    this.#wss.close();
  }
}

/** Since the last ping: an answer heard; pings missed in a row; bytes left to send then. */
interface Liveness {
  heard: boolean;
  missed: number;
  buffered: number;
}

/** Why the server closed each socket it closed (an error code), for the log. */
const closedFor = new WeakMap<WebSocket, string>();

function closeWith(ws: WebSocket, error: AppError): void {
  if (ws.readyState === ws.CLOSED || ws.readyState === ws.CLOSING) return;
  closedFor.set(ws, error.code);
  ws.close(CLOSE_CODE[error.code] ?? 4500, error.code);
}

/** Answers an upgrade to an address no transport serves with the API's 404 error body. */
const ROUTE_NOT_FOUND = 'route_not_found';

function refuseUpgrade(socket: Duplex): void {
  const message = 'There is no WebSocket endpoint here: boards are at /yjs/:boardId?token=….';
  answerUpgrade(socket, new AppError(ROUTE_NOT_FOUND, message));
}

/**
 * ws's refusal of a handshake, as the API would put it. ws says what was wrong and not the
 * status: only a method other than GET is not a 400.
 */
function refuseHandshake(socket: Duplex, error: Error): void {
  const headers: Record<string, string> = {};
  if (error.message === 'Invalid HTTP method') headers.Allow = 'GET';
  if (error.message.includes('Sec-WebSocket-Version')) headers['Sec-WebSocket-Version'] = '13, 8';
  const code = headers.Allow ? 'method_not_allowed' : 'invalid_input';
  answerUpgrade(
    socket,
    new AppError(code, `Not a WebSocket handshake: ${error.message}.`),
    headers,
  );
}

/** Answers an upgrade request with `error` in the API's JSON shape, and closes the socket. */
function answerUpgrade(
  socket: Duplex,
  error: AppError,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: error.toBody() });
  const head = {
    Connection: 'close',
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  };
  // The HTTP server no longer watches an upgraded socket: a reset must not become a crash.
  socket.on('error', () => {});
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n` +
      Object.entries(head)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `\r\n${body}`,
  );
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
