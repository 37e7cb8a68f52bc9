/** The load-client processes a workload uses: one for the writer(s), one or two for receivers. */
import type { ClientSpec } from '../peers/types.ts';
import { LoadWorker, receiverWorkerCount, split, stopAll } from '../workers.ts';

export class WorkerPool {
  readonly writer = new LoadWorker('writer');
  readonly #receivers = [new LoadWorker('receivers-1'), new LoadWorker('receivers-2')];

  /** Spreads receiver specs over one or two workers and connects them; returns those used. */
  async connectReceivers(specs: ClientSpec[]): Promise<LoadWorker[]> {
    const slices = split(specs, receiverWorkerCount(specs.length));
    const used = this.#receivers.slice(0, slices.length);
    // One worker at a time: two workers connecting at once only adds contention.
    for (const [i, slice] of slices.entries()) await used[i]!.connect(slice);
    return used;
  }

  /**
   * A second process to drive load from when one receiver worker is enough (throughput):
   * writers flat out need more than one core-bound Node process can give them.
   */
  get spareWorker(): LoadWorker {
    return this.#receivers[1]!;
  }

  /** Waits until every worker is idle, so no measurement inherits the last one's backlog. */
  async settle(): Promise<void> {
    await Promise.all(
      [this.writer, ...this.#receivers].map((w) =>
        w.call('settle', { quietMs: 300, timeoutMs: 30_000 }),
      ),
    );
  }

  /** Closes every client in every worker; the processes stay for the next measurement. */
  async closeClients(): Promise<void> {
    await Promise.all([this.writer, ...this.#receivers].map((w) => w.call('close', {})));
  }

  async stop(): Promise<void> {
    await stopAll([this.writer, ...this.#receivers]);
  }
}
