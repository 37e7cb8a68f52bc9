/**
 * Socket.io internals the relay relies on, kept in one place. A Socket.io connection on the
 * WebSocket transport is engine.io over a `ws` socket over TCP; for the hot path (relaying one
 * binary event to hundreds of sockets) the relay frames the event once and writes those frames
 * to each idle socket itself, as engine.io does for its own broadcasts (`wsPreEncodedFrame`)
 * but for binary events too, which engine.io would frame and queue once per socket.
 */
import type { Server, Socket } from 'socket.io';
import type { WebSocket } from 'ws';
import { idleSenderOf, type SenderInternals, webSocketFrame } from './websocket-broadcast.ts';

interface TcpSocket {
  readonly writableLength: number;
}

interface EngineInternals {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    socket?: WebSocket & { _socket?: TcpSocket };
  };
}

const ENGINE_MESSAGE = '4';
const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;

const engineOf = (socket: Socket) => socket.conn as unknown as EngineInternals;

/** The TCP socket under a Socket.io connection on the WebSocket transport, if it is one. */
export function tcpSocketOf(socket: Socket): TcpSocket | undefined {
  const { transport } = engineOf(socket);
  return transport.name === 'websocket' ? transport.socket?._socket : undefined;
}

/**
 * Where nothing is queued in engine.io or ws, so a frame written now goes out in order: the
 * socket's ws sender; otherwise undefined (the caller emits the usual way).
 */
function idleSender(socket: Socket): SenderInternals | undefined {
  const engine = engineOf(socket);
  if (engine.readyState !== 'open' || engine.upgrading || engine.writeBuffer.length > 0) return;
  const ws = engine.transport.name === 'websocket' ? engine.transport.socket : undefined;
  if (!ws || ws.readyState !== ws.OPEN) return;
  return idleSenderOf(ws);
}

/**
 * Emits one binary event to the sockets `ids`: framed once, written directly where the wire
 * is idle (header and attachment in one buffer), through Socket.io everywhere else.
 */
export function emitBinaryToEach(
  io: Server,
  ids: Iterable<string>,
  event: string,
  message: Uint8Array,
): void {
  const namespace = io.of('/');
  let frame: Buffer[] | undefined;
  const others: string[] = [];
  for (const id of ids) {
    const socket = namespace.sockets.get(id);
    if (!socket) continue;
    const sender = idleSender(socket);
    if (!sender) {
      others.push(id);
      continue;
    }
    frame ??= [encodeBinaryEvent(io, event, message)];
    sender.sendFrame(frame);
  }
  if (others.length > 0) io.to(others).emit(event as never, message as never);
}

/**
 * The two WebSocket frames Socket.io sends for `emit(event, binary)` on the main namespace,
 * back to back in one buffer: one plain write per socket.
 */
function encodeBinaryEvent(io: Server, event: string, message: Uint8Array): Buffer {
  const EVENT = 2;
  const [header, attachment] = io.encoder.encode({ type: EVENT, nsp: '/', data: [event, message] });
  if (typeof header !== 'string' || attachment === undefined || typeof attachment === 'string') {
    throw new Error('a binary event encodes as one header and one attachment');
  }
  return Buffer.concat([
    webSocketFrame(Buffer.from(ENGINE_MESSAGE + header), OPCODE_TEXT),
    webSocketFrame(attachment as Uint8Array, OPCODE_BINARY),
  ]);
}
