import { expect, it } from 'vitest';
import { TurnQueue } from '../../server/util/turn-queue.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

it('runs queued tasks in order, one per event-loop turn, with timers and ticks in between', async () => {
  const queue = new TurnQueue();
  const order: string[] = [];
  for (const name of ['a', 'b', 'c']) {
    queue.run(() => {
      order.push(name);
      process.nextTick(() => order.push(`${name} tick`));
      if (name === 'a') {
        // Due before this task ends: it runs before the next task.
        setTimeout(() => order.push('timer'), 1);
        busy(3);
      }
    });
  }
  expect(queue.pending).toBe(3);
  expect(order).toEqual([]);
  // Until the queue is done, however slow the machine (30 ms once fell short under load).
  await expect.poll(() => queue.pending, { interval: 5 }).toBe(0);
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual(['a', 'a tick', 'timer', 'b', 'b tick', 'c', 'c tick']);
  expect(queue.pending).toBe(0);

  // An idle queue starts again at the end of the turn.
  queue.run(() => order.push('d'));
  await new Promise((resolve) => setImmediate(resolve));
  expect(order.at(-1)).toBe('d');
});
