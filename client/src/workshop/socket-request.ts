/**
 * Socket.io request events (docs/PROTOCOL.md) as promises. Refusals become ApiError with the
 * server's code, so callers handle HTTP and realtime errors the same way.
 */
import { ERROR_STATUS } from '../../../shared/errors.ts';
import type { Ack } from '../../../shared/events.ts';
import { ApiError } from '../app/api.ts';

/** `ask<RoundView>((ack) => socket.emit('round:open', body, ack))` */
export function ask<T>(send: (ack: Ack<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    send((result) => {
      if (result.ok) resolve(result.data);
      else {
        const { code, message } = result.error;
        reject(new ApiError(ERROR_STATUS[code] ?? 500, code, message));
      }
    });
  });
}
