/**
 * How facilitation services tell connected clients what happened, without knowing Socket.io.
 * The Socket.io transport implements it with rooms per board and per role.
 */
import type { ServerToClientEvents } from '../../shared/events.ts';
import type { Role } from '../../shared/roles.ts';

export type EventName = keyof ServerToClientEvents;
export type EventArgs<E extends EventName> = Parameters<ServerToClientEvents[E]>;

export interface BoardEvents {
  toBoard<E extends EventName>(boardId: string, event: E, ...args: EventArgs<E>): void;
  toRole<E extends EventName>(boardId: string, role: Role, event: E, ...args: EventArgs<E>): void;
  /** To one member's connections, except `origin` (the one that asked, if it was one). */
  toMember<E extends EventName>(
    member: MemberRef,
    origin: ConnectionId | undefined,
    event: E,
    ...args: EventArgs<E>
  ): void;
}

export interface MemberRef {
  boardId: string;
  id: string;
}

/** The transport's name for one connection (a Socket.io socket id). */
export type ConnectionId = string;

/** Until a transport is attached (and in tools that run without one), events go nowhere. */
export const NO_EVENTS: BoardEvents = {
  toBoard: () => {},
  toRole: () => {},
  toMember: () => {},
};
