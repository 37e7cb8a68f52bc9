/**
 * A Socket.io request gets an answer or, in time, an error (client/src/workshop/socket-request.ts).
 * The QA pass sent a vote into a connection that had died without a word: it was never answered,
 * so the page neither counted it nor said anything, and a follow-up's dialog stayed busy for good.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../../client/src/workshop/socket-request.ts';
import type { Ack } from '../../shared/events.ts';

describe('a request over Socket.io', () => {
  it('resolves with the answer, or rejects with the server’s code', async () => {
    await expect(ask<number>((ack) => ack({ ok: true, data: 3 }))).resolves.toBe(3);
    await expect(
      ask((ack) =>
        ack({ ok: false, error: { code: 'round_closed', message: 'The round has closed.' } }),
      ),
    ).rejects.toMatchObject({ code: 'round_closed', status: 409 });
  });

  it('never answered, it fails as no_answer, and an answer after that changes nothing', async () => {
    let late: Ack<number> | undefined;
    const asked = ask<number>((ack) => {
      late = ack;
    }, 30);
    await expect(asked).rejects.toMatchObject({ code: 'no_answer' });
    late?.({ ok: true, data: 1 });
    await expect(asked).rejects.toMatchObject({ code: 'no_answer' });
  });
});
