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
}

/** Until a transport is attached (and in tools that run without one), events go nowhere. */
export const NO_EVENTS: BoardEvents = {
  toBoard: () => {},
  toRole: () => {},
};
