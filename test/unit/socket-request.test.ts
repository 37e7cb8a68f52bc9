/**
 * A Socket.io request gets an answer or, in time, an error (client/src/workshop/socket-request.ts).
 * The QA pass sent a vote into a connection that had died without a word: it was never answered,
 * so the page neither counted it nor said anything, and a follow-up's dialog stayed busy for good.
 * A browser offline for a while holds such a request and sends it once back: its answer comes
 * late, and the page shows what it says (journey QA: a vote counted, the page said otherwise).
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

  it('never answered, it fails as no_answer, and an answer after that goes to late', async () => {
    let answer: Ack<number> | undefined;
    const lateAnswers: unknown[] = [];
    const asked = ask<number>(
      (ack) => {
        answer = ack;
      },
      30,
      (late) => lateAnswers.push(late),
    );
    await expect(asked).rejects.toMatchObject({ code: 'no_answer' });
    // The browser held the request, and sent it once back online (journey QA): it was done.
    answer?.({ ok: true, data: 1 });
    await expect(asked).rejects.toMatchObject({ code: 'no_answer' });
    expect(lateAnswers).toEqual([{ ok: true, data: 1 }]);
  });

  it('answered in time, nothing goes to late', async () => {
    const lateAnswers: unknown[] = [];
    await expect(
      ask<number>(
        (ack) => ack({ ok: true, data: 2 }),
        30,
        (late) => lateAnswers.push(late),
      ),
    ).resolves.toBe(2);
    expect(lateAnswers).toEqual([]);
  });
});
