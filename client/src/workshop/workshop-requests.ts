/**
 * The workshop store's requests to the server: a refusal becomes the page's error line instead
 * of a thrown error, a request is refused at once while offline, and an answer that comes after
 * the page gave up on it is applied all the same.
 */
import type { Ack, AckResult } from '../../../shared/events.ts';
import { ANSWER_WITHIN_MS, ask } from './socket-request.ts';
import type { Refusal } from './workshop-state.ts';

/** The page's error line, which the requests set and clear. */
export interface ErrorLine {
  get(): Refusal | null;
  set(error: Refusal | null): void;
}

/** What the requests travel on: the board's provider (SocketIoProvider). */
export interface RequestConnection {
  readonly socket: { readonly connected: boolean };
  /** A request got no answer in time: the connection may have died without closing. */
  unanswered(): void;
}

export class WorkshopRequests {
  readonly #connection: RequestConnection;
  readonly #error: ErrorLine;

  constructor(connection: RequestConnection, error: ErrorLine) {
    this.#connection = connection;
    this.#error = error;
  }

  /** Runs a request; a refusal lands in `error` (and resolves undefined) instead of throwing. */
  run<T>(request: () => Promise<T>): Promise<T | undefined> {
    return this.#attempt(request, true);
  }

  /**
   * A read the page makes of itself (everything again, on reconnecting): as `run`, but its answer
   * leaves the error line to what the person did. The reconnect that a vote's "no answer" starts
   * answered these at once, and the sentence went before anyone could read it (CI caught it).
   */
  read<T>(request: () => Promise<T>): Promise<T | undefined> {
    return this.#attempt(request, false);
  }

  async #attempt<T>(request: () => Promise<T>, clears: boolean): Promise<T | undefined> {
    try {
      const result = await request();
      // An answer clears an earlier request's error, not news of edits the board refused.
      const error = this.#error.get();
      if (clears && error && error.code !== 'edit_refused') this.#error.set(null);
      return result;
    } catch (error) {
      const {
        code = 'internal_error',
        message = String(error),
        retryAfterSec = null,
      } = error as { code?: string; message?: string; retryAfterSec?: number | null };
      // The server answers within milliseconds: a connection that lets 10 s pass without a word
      // is started again now, not half a minute later (a vote cast into it was lost, and the
      // page said it was live meanwhile: left alone until 7 December).
      if (code === 'no_answer') this.#connection.unanswered();
      this.#error.set({ code, message, retryAfterSec });
      return undefined;
    }
  }

  /**
   * Someone's action, and `apply`, what its answer changes on the page. While disconnected it
   * is refused at once: Socket.io would hold it and send it on reconnecting, maybe much later
   * (a round opening after the facilitator gave up). So it is while the browser says it is
   * offline, the connection not yet known to be down: the browser holds what is sent then and
   * sends it once back (journey QA: a vote cast offline counted on the server, and the page
   * said it may not have been saved). An answer that comes after the page gave up on it
   * (no_answer, on a connection still taking in its first sync, which is not started again) is
   * applied all the same: the page shows what the server did.
   */
  async emit<T>(
    send: (ack: Ack<T>) => void,
    apply: (data: T) => void = () => {},
  ): Promise<T | undefined> {
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    if (!this.#connection.socket.connected || browserOffline) {
      return this.run(() => Promise.reject({ code: 'offline', message: 'Not connected.' }));
    }
    const data = await this.run(() =>
      ask(send, ANSWER_WITHIN_MS, (late) => this.#answeredLate(late, apply)),
    );
    if (data) apply(data);
    return data;
  }

  /** The answer to a request the page had given up on (no_answer): what the server did. */
  #answeredLate<T>(answer: AckResult<T>, apply: (data: T) => void): void {
    if (answer.ok) {
      if (answer.data) apply(answer.data);
      if (this.#error.get()?.code === 'no_answer') this.#error.set(null);
      return;
    }
    const { code, message, retryAfterSec = null } = answer.error;
    this.#error.set({ code, message, retryAfterSec });
  }
}
