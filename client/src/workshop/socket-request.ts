/**
 * Socket.io request events (docs/PROTOCOL.md) as promises. Refusals become ApiError with the
 * server's code, so callers handle HTTP and realtime errors the same way.
 */
import { ERROR_STATUS } from '../../../shared/errors.ts';
import type { Ack } from '../../../shared/events.ts';
import { ApiError } from '../app/api.ts';

/**
 * How long a request waits for its answer. A connection that died without a word (Wi-Fi gone,
 * a laptop closed) looks alive to Socket.io for up to 45 s, and a request sent into it is never
 * answered: a vote seemed to hang and was then lost, a follow-up's dialog stayed busy for good.
 * The server answers within milliseconds otherwise.
 */
export const ANSWER_WITHIN_MS = 10_000;

/**
 * `ask<RoundView>((ack) => socket.emit('round:open', body, ack))`. No answer in time is
 * `no_answer`: the request may or may not have been carried out, and the board shows which once
 * it is connected again.
 */
export function ask<T>(send: (ack: Ack<T>) => void, within = ANSWER_WITHIN_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ApiError(0, 'no_answer', 'The server did not answer in time.'));
    }, within);
    send((result) => {
      clearTimeout(timer);
      if (result.ok) resolve(result.data);
      else {
        const { code, message, retryAfterSec } = result.error;
        reject(new ApiError(ERROR_STATUS[code] ?? 500, code, message, retryAfterSec ?? null));
      }
    });
  });
}
