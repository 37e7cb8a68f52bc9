/**
 * Socket.io request events: thin doors over the facilitation services, answering through the
 * acknowledgement callback with { ok: true, data } or { ok: false, error }.
 */

import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { renameBoardBody } from '../../shared/api.ts';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketData,
} from '../../shared/events.ts';
import { roundRefSchema, voteRefSchema } from '../../shared/events.ts';
import {
  lockBody,
  namesBody,
  phaseBody,
  timerBody,
  viewportSchema,
} from '../../shared/facilitation.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import { AppError, knownError } from '../errors.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import { requireRole } from '../facilitation/roles.ts';
import type { FollowThrough } from '../follow-through/follow-through.ts';
import { wellFormed } from '../util/well-formed.ts';

const idSchema = z.string().min(1).max(200);
const noFields = z.strictObject({});

/** A request that takes no fields: nothing but the callback, or `{}` (a field is invalid_input). */
function withoutFields<T>(run: () => T): (body: unknown) => T {
  return (body) => {
    noFields.parse(body ?? {});
    return run();
  };
}
const revealBody = z.strictObject({ anonymous: z.boolean().default(false) });
const summonBody = z.strictObject({ viewport: viewportSchema });
const followUpRefBody = z.strictObject({ id: idSchema });
const followUpChangeBody = z.strictObject({ id: idSchema, changes: z.unknown() });
const snapshotRefBody = z.strictObject({ snapshotId: idSchema });

/** Every client event but the two that carry Yjs bytes is a request with an acknowledgement. */
type RequestEvent = Exclude<keyof ClientToServerEvents, 'yjs' | 'private:yjs'>;

type IdeamillSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export function registerRequests(
  socket: IdeamillSocket,
  boards: BoardsService,
  facilitation: Facilitation,
  followThrough: FollowThrough,
  logger: Logger,
): void {
  const member = socket.data.member;
  const { rounds, state, silentWriting } = facilitation;
  const { followUps, snapshots } = followThrough;
  /** The events this connection takes: the requests below, and the two Yjs channels. */
  const known = new Set<string>(['yjs', 'private:yjs']);
  // An event nobody listens for, sent with a callback: answered, so a client can tell a
  // misspelt request from a slow server (operator QA: it waited for ever). A listener for any
  // event, not a middleware (socket.use), which ran for every cursor and edit too: over
  // Socket.io at 20,000 moves a second, 34.6 against 39.1 µs of server CPU per update (medians
  // of three alternating runs, docs/BENCHMARKS.md section 5).
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) return;
    const ack = args.at(-1);
    const error = new AppError('invalid_input', `There is no request "${String(event)}".`);
    if (typeof ack === 'function') ack({ ok: false, error: error.toBody() });
  });

  /**
   * Registers one request event. Whatever the client sent, it is answered: a body left out
   * (only the callback sent, as for a list) reaches `run` as undefined and is refused or taken
   * as empty by the request's own schema; any throw or rejection becomes an error
   * acknowledgement, never a crash.
   */
  function handle<T>(event: RequestEvent, run: (body: unknown) => T | Promise<T>): void {
    known.add(event);
    socket.on(event, (...args: unknown[]) => {
      const ack = args.at(-1);
      const body = typeof args[0] === 'function' ? undefined : args[0];
      const reply = (result: AckResult<T>) => {
        if (typeof ack === 'function') ack(result);
      };
      const refuse = (error: unknown) =>
        reply({ ok: false, error: toAppError(error, logger).toBody() });
      let value: T | Promise<T>;
      try {
        // Binary is the yjs events' alone: read as an object, a Buffer's method names filled
        // the refusal (operator QA).
        if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
          throw new AppError('invalid_input', `A ${event} request is JSON, not binary data.`);
        }
        // Its text as it will be stored (util/well-formed.ts); nested too deeply, invalid_input.
        value = run(wellFormed(body));
      } catch (error) {
        return refuse(error);
      }
      if (value instanceof Promise) value.then((data) => reply({ ok: true, data }), refuse);
      else reply({ ok: true, data: value });
    });
  }

  handle('round:open', (body) => rounds.open(member, body));
  handle('round:vote', (body) => {
    const { roundId, itemId } = voteRefSchema.parse(body);
    return rounds.castVote(member, roundId, itemId, socket.id);
  });
  handle('round:retract', (body) => {
    const { roundId, itemId } = voteRefSchema.parse(body);
    return rounds.retractVote(member, roundId, itemId, socket.id);
  });
  handle('round:close', (body) => rounds.close(member, roundRefSchema.parse(body).roundId));
  handle(
    'round:list',
    withoutFields(() => rounds.list(member)),
  );
  handle('board:rename', (body) => {
    requireRole(member, 'facilitator');
    const board = boards.rename(member.boardId, renameBoardBody.parse(body).title);
    logger.info({ boardId: member.boardId, by: member.id }, 'board renamed');
    return { board };
  });
  handle('board:lock', (body) => state.setLocked(member, lockBody.parse(body).locked));
  handle('board:names', (body) => state.setShowNames(member, namesBody.parse(body).shown));
  handle('board:phase', (body) => state.setPhase(member, phaseBody.parse(body).phase));
  handle('timer:control', (body) => state.controlTimer(member, timerBody.parse(body)));
  handle(
    'silent:start',
    withoutFields(() => silentWriting.start(member)),
  );
  handle('silent:reveal', (body) =>
    silentWriting.reveal(member, revealBody.parse(body ?? {}).anonymous),
  );
  handle(
    'silent:progress',
    withoutFields(() => silentWriting.progress(member)),
  );
  handle('presence:summon', (body) => {
    state.summon(member, summonBody.parse(body).viewport);
    return {};
  });
  handle(
    'followup:list',
    withoutFields(() => followUps.list(member)),
  );
  handle('followup:create', (body) => followUps.create(member, body));
  handle('followup:update', (body) => {
    const { id, changes } = followUpChangeBody.parse(body);
    return followUps.update(member, id, changes);
  });
  handle('followup:delete', (body) => {
    followUps.delete(member, followUpRefBody.parse(body).id);
    return {};
  });
  handle('followup:from-round', (body) => followUps.fromRound(member, body));
  handle(
    'snapshot:list',
    withoutFields(() => snapshots.list(member)),
  );
  handle('snapshot:create', (body) => snapshots.create(member, body));
  handle('snapshot:restore', (body) =>
    snapshots.restore(member, snapshotRefBody.parse(body).snapshotId),
  );
  handle('snapshot:delete', (body) => {
    snapshots.delete(member, snapshotRefBody.parse(body).snapshotId);
    return {};
  });
}

function toAppError(error: unknown, logger: Logger): AppError {
  const known = knownError(error);
  if (known) return known;
  logger.error({ err: error }, 'unhandled error in socket request');
  return new AppError('internal_error', 'Something went wrong on the server.');
}
