/** Load-client worker processes as seen from the orchestrator: typed calls over IPC. */
import type { ChildProcess } from 'node:child_process';
import { spawnTs, stopChild } from './child.ts';
import type { ClientSpec } from './peers/types.ts';
import type { Method, Params, Response, Result } from './protocol.ts';

export class LoadWorker {
  readonly name: string;
  readonly #child: ChildProcess;
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;
  #exited = false;

  constructor(name: string) {
    this.name = name;
    this.#child = spawnTs('bench/load-client.ts', {
      ipc: true,
      label: name,
      nodeArgs: ['--expose-gc'],
    });
    this.#child.on('message', (response: Response) => {
      const pending = this.#pending.get(response.id);
      if (!pending) return;
      this.#pending.delete(response.id);
      if ('error' in response) pending.reject(new Error(`${name}: ${response.error}`));
      else pending.resolve(response.result);
    });
    this.#child.on('exit', (code) => {
      this.#exited = true;
      for (const { reject } of this.#pending.values()) {
        reject(new Error(`${name} exited (${code})`));
      }
      this.#pending.clear();
    });
  }

  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.#exited) return Promise.reject(new Error(`${this.name} has exited`));
    const id = this.#nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#child.send({ id, method, params });
    });
  }

  /** Opens clients for these specs in this worker and waits until all are synced. */
  connect(specs: ClientSpec[], timeoutMs = 60_000): Promise<Result<'connect'>> {
    return this.call('connect', { specs, concurrency: 20, timeoutMs });
  }

  async stop(): Promise<void> {
    if (this.#exited) return;
    try {
      await this.call('close', {});
    } catch {}
    await stopChild(this.#child, 2_000);
  }
}

/** Splits a list into `parts` nearly equal consecutive slices. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const slices: T[][] = [];
  const size = Math.ceil(items.length / parts);
  for (let i = 0; i < parts; i++) slices.push(items.slice(i * size, (i + 1) * size));
  return slices.filter((slice) => slice.length > 0);
}

/** Receivers go in one worker up to 100 of them, in two beyond that (the machine has 2 cores). */
export const receiverWorkerCount = (receivers: number): number => (receivers > 100 ? 2 : 1);

export async function stopAll(workers: readonly LoadWorker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.stop()));
}
