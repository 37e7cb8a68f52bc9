/** Many members on one board, each with a raw Socket.io connection that records what it receives. */
import { io, type Socket } from 'socket.io-client';
import type { AckResult, ClientToServerEvents, ServerToClientEvents } from '../../shared/events.ts';
import type { TestServer } from './server.ts';

export type RawSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectedMember {
  id: string;
  token: string;
  socket: RawSocket;
  /** Every text packet this client received: all Socket.io events and acknowledgements. */
  traffic: string[];
  /** Every binary packet (y-protocols messages: the board document and presence). */
  binary: Buffer[];
}

export async function connectMember(
  server: TestServer,
  boardId: string,
  key: string,
  name: string,
): Promise<ConnectedMember> {
  const joined = await server.join(boardId, key, name);
  return connectAgain(server, boardId, { id: joined.member.id, token: joined.token });
}

/** Another connection of a member who has joined (a second tab, say). */
export async function connectAgain(
  server: TestServer,
  boardId: string,
  member: { id: string; token: string },
): Promise<ConnectedMember> {
  const socket: RawSocket = io(server.url, {
    auth: { token: member.token, boardId },
    transports: ['websocket'],
    reconnection: false,
  });
  const traffic: string[] = [];
  const binary: Buffer[] = [];
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (packet: { data?: unknown }) => {
      const data = packet.data;
      if (typeof data === 'string') traffic.push(data);
      else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
        binary.push(Buffer.from(data as ArrayBuffer));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { ...member, socket, traffic, binary };
}

/** Sends one request event and resolves with its acknowledgement. */
export function request<T>(
  socket: RawSocket,
  event: keyof ClientToServerEvents,
  ...args: unknown[]
): Promise<AckResult<T>> {
  return new Promise((resolve) => {
    (socket.emit as (event: string, ...rest: unknown[]) => void)(event, ...args, resolve);
  });
}
