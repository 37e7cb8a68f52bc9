/**
 * The Socket.io realtime contract (docs/PROTOCOL.md). Both ends import these maps, so an
 * event name or payload exists in exactly one place:
 *   server: Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>
 *   client: Socket<ServerToClientEvents, ClientToServerEvents>
 */
import { z } from 'zod';
import type { PublicMember } from './api.ts';
import type { ErrorBody } from './errors.ts';
import type { Member } from './roles.ts';

/** Bumped when an event's meaning changes; sent in the handshake's `auth.protocol`. */
export const PROTOCOL_VERSION = 1;

/** `io(url, { auth })`: who is connecting, to which board. */
export const socketAuthSchema = z.object({
  token: z.string().min(1).max(200),
  boardId: z.string().uuid(),
  protocol: z.number().int().optional(),
});
export type SocketAuth = z.infer<typeof socketAuthSchema>;

export interface ClientToServerEvents {
  /** One y-protocols message (sync or awareness), binary, exactly as on the y-websocket endpoint. */
  yjs: (message: Uint8Array) => void;
}

export interface ServerToClientEvents {
  /** One y-protocols message from the server. */
  yjs: (message: Uint8Array) => void;
  /** Sent once after the handshake: who the server thinks you are. */
  'board:welcome': (welcome: { member: PublicMember; protocol: number }) => void;
  /** Something the client sent was refused; fatal codes are followed by a disconnect. */
  'board:error': (error: ErrorBody) => void;
}

export interface SocketData {
  member: Member;
}
