/**
 * The realtime lines of the server's log: who connected to which board over which transport and
 * from where, how long they stayed and why they left, and each refusal with its code. Never a
 * token.
 */
import type { Logger } from 'pino';
import { ID_PATTERN } from '../../shared/constants.ts';
import type { Member } from '../../shared/roles.ts';

export type TransportName = 'socketio' | 'ywebsocket';

/**
 * Logs the connection and returns what logs its end: with the error code the server closed it
 * for (`member_removed`, `shutting_down`…), else the transport's own reason (a WebSocket close
 * code, Socket.io's reason), which for a close the server began says only that it did.
 */
export function logConnected(
  logger: Logger,
  transport: TransportName,
  member: Member,
  /**
   * `ip`: clientAddress(); `document: 'private'` for a member's private document; `via`:
   * Socket.io's transport.
   */
  extra: { ip: string | undefined; document?: 'private'; via?: string },
): (reason: string | number) => void {
  if (!logger.isLevelEnabled('info')) return () => {};
  const who = {
    transport,
    boardId: member.boardId,
    memberId: member.id,
    role: member.role,
    ...extra,
  };
  const started = performance.now();
  logger.info(who, 'connected');
  return (reason) => {
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    logger.info({ ...who, reason, seconds }, 'disconnected');
  };
}

export function logRefused(
  logger: Logger,
  transport: TransportName,
  boardId: unknown,
  code: string,
  ip: string | undefined,
): void {
  // A board id a client wrote may be anything, a token sent in its place too (QA): the log
  // keeps only what has an id's shape.
  const board =
    typeof boardId === 'string'
      ? ID_PATTERN.test(boardId)
        ? boardId
        : 'not a board id'
      : undefined;
  logger.info({ transport, boardId: board, code, ip }, 'connection refused');
}
