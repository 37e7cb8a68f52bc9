/**
 * Socket.io request events: thin doors over the facilitation services, answering through the
 * acknowledgement callback with { ok: true, data } or { ok: false, error }.
 */

import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketData,
} from '../../shared/events.ts';
import { roundRefSchema, voteRefSchema } from '../../shared/events.ts';
import { lockBody, phaseBody, timerBody, viewportSchema } from '../../shared/facilitation.ts';
import { AppError, knownError } from '../errors.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import type { FollowThrough } from '../follow-through/follow-through.ts';
import { wellFormed } from '../util/well-formed.ts';

const idSchema = z.string().min(1).max(200);
const revealBody = z.strictObject({ anonymous: z.boolean().default(false) });
const summonBody = z.strictObject({ viewport: viewportSchema });
const followUpRefBody = z.strictObject({ id: idSchema });
const followUpChangeBody = z.strictObject({ id: idSchema, changes: z.unknown() });
const snapshotRefBody = z.strictObject({ snapshotId: idSchema });

type IdeamillSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export function registerRequests(
  socket: IdeamillSocket,
  facilitation: Facilitation,
  followThrough: FollowThrough,
  logger: Logger,
): void {
  const member = socket.data.member;
  const { rounds, state, silentWriting } = facilitation;
  const { followUps, snapshots } = followThrough;
  // Every request's text as it will be stored (util/well-formed.ts); Yjs bytes pass as they are.
  socket.use((packet, next) => {
    for (let i = 1; i < packet.length; i++) packet[i] = wellFormed(packet[i]);
    next();
  });

  /** Runs one request; any throw or rejection becomes an error acknowledgement, never a crash. */
  function answer<T>(ack: unknown, run: () => T | Promise<T>): void {
    const reply = (result: AckResult<T>) => {
      if (typeof ack === 'function') ack(result);
    };
    const refuse = (error: unknown) =>
      reply({ ok: false, error: toAppError(error, logger).toBody() });
    let value: T | Promise<T>;
    try {
      value = run();
    } catch (error) {
      return refuse(error);
    }
    if (value instanceof Promise) value.then((data) => reply({ ok: true, data }), refuse);
    else reply({ ok: true, data: value });
  }

  socket.on('round:open', (body, ack) => answer(ack, () => rounds.open(member, body)));
  socket.on('round:vote', (body, ack) =>
    answer(ack, () => {
      const { roundId, itemId } = voteRefSchema.parse(body);
      return rounds.castVote(member, roundId, itemId, socket.id);
    }),
  );
  socket.on('round:retract', (body, ack) =>
    answer(ack, () => {
      const { roundId, itemId } = voteRefSchema.parse(body);
      return rounds.retractVote(member, roundId, itemId, socket.id);
    }),
  );
  socket.on('round:close', (body, ack) =>
    answer(ack, () => rounds.close(member, roundRefSchema.parse(body).roundId)),
  );
  // A list takes no body: the acknowledgement is the last argument, after a body sent anyway.
  socket.on('round:list', (...args) => answer(args.at(-1), () => rounds.list(member)));
  socket.on('board:lock', (body, ack) =>
    answer(ack, () => state.setLocked(member, lockBody.parse(body).locked)),
  );
  socket.on('board:phase', (body, ack) =>
    answer(ack, () => state.setPhase(member, phaseBody.parse(body).phase)),
  );
  socket.on('timer:control', (body, ack) =>
    answer(ack, () => state.controlTimer(member, timerBody.parse(body))),
  );
  socket.on('silent:start', (_body, ack) => answer(ack, () => silentWriting.start(member)));
  socket.on('silent:reveal', (body, ack) =>
    answer(ack, () => {
      return silentWriting.reveal(member, revealBody.parse(body ?? {}).anonymous);
    }),
  );
  socket.on('presence:summon', (body, ack) =>
    answer(ack, () => {
      state.summon(member, summonBody.parse(body).viewport);
      return {};
    }),
  );
  socket.on('followup:list', (...args) => answer(args.at(-1), () => followUps.list(member)));
  socket.on('followup:create', (body, ack) => answer(ack, () => followUps.create(member, body)));
  socket.on('followup:update', (body, ack) =>
    answer(ack, () => {
      const { id, changes } = followUpChangeBody.parse(body);
      return followUps.update(member, id, changes);
    }),
  );
  socket.on('followup:delete', (body, ack) =>
    answer(ack, () => {
      followUps.delete(member, followUpRefBody.parse(body).id);
      return {};
    }),
  );
  socket.on('followup:from-round', (body, ack) =>
    answer(ack, () => followUps.fromRound(member, body)),
  );
  socket.on('snapshot:list', (...args) => answer(args.at(-1), () => snapshots.list(member)));
  socket.on('snapshot:create', (body, ack) => answer(ack, () => snapshots.create(member, body)));
  socket.on('snapshot:restore', (body, ack) =>
    answer(ack, () => {
      const { snapshotId } = snapshotRefBody.parse(body);
      return snapshots.restore(member, snapshotId);
    }),
  );
}

function toAppError(error: unknown, logger: Logger): AppError {
  const known = knownError(error);
  if (known) return known;
  logger.error({ err: error }, 'unhandled error in socket request');
  return new AppError('internal_error', 'Something went wrong on the server.');
}
