/**
 * Socket.io request events (docs/PROTOCOL.md) as promises. Refusals become ApiError with the
 * server's code, so callers handle HTTP and realtime errors the same way.
 */
import { ERROR_STATUS, type ErrorBody } from '../../../shared/errors.ts';
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
 * `no_answer`: the request may or may not have been carried out. The connection may yet carry
 * it: a browser offline for a while holds what it sent and sends it once back (journey QA: a
 * vote cast 13 s offline was counted, and its answer came after the page had given up on it).
 * An answer after that goes to `late`, so the page can show what the server did.
 */
export function ask<T>(
  send: (ack: Ack<T>) => void,
  within = ANSWER_WITHIN_MS,
  late?: Ack<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      reject(new ApiError(0, 'no_answer', 'The server did not answer in time.'));
    }, within);
    send((result) => {
      if (gaveUp) return late?.(result);
      clearTimeout(timer);
      if (result.ok) resolve(result.data);
      else reject(refusal(result.error));
    });
  });
}

/** A refusal as the ApiError the page shows, with the server's code. */
export function refusal({ code, message, retryAfterSec }: ErrorBody): ApiError {
  return new ApiError(ERROR_STATUS[code] ?? 500, code, message, retryAfterSec ?? null);
}
