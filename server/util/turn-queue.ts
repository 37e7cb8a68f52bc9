/**
 * Runs queued tasks in order, one per event-loop turn (each in its own `setImmediate`), so a
 * burst of work (a thousand connections arriving at once) cannot hold the loop: between two
 * tasks, timers and I/O run, and connected clients' edits are relayed. Each task's
 * `process.nextTick` work runs before the next task. A task handles its own errors.
 */
export class TurnQueue {
  readonly #queue: (() => void)[] = [];
  #scheduled = false;

  get pending(): number {
    return this.#queue.length;
  }

  run(task: () => void): void {
    this.#queue.push(task);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#next);
  }

  readonly #next = (): void => {
    const task = this.#queue.shift()!;
    // Scheduled before the task runs, so a task that throws does not stop the queue.
    if (this.#queue.length > 0) setImmediate(this.#next);
    else this.#scheduled = false;
    task();
  };
}
