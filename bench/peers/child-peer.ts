/** Launcher for the peers whose server is one of our own entry points under peers/servers/. */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort, spawnTs, stopChild, waitForHttp } from '../child.ts';
import { instrument } from './instrument.ts';
import type { PeerStartOptions, RunningPeer } from './types.ts';

export class ChildPeer implements RunningPeer {
  readonly name: string;
  readonly #entry: string;
  readonly #options: PeerStartOptions;
  #child: ChildProcess | undefined;
  #port = 0;

  constructor(name: string, entry: string, options: PeerStartOptions) {
    this.name = name;
    this.#entry = entry;
    this.#options = options;
  }

  get pid(): number {
    return this.#child?.pid ?? 0;
  }

  get port(): number {
    return this.#port;
  }

  async start(): Promise<void> {
    // A restart keeps the port, so client specs handed out before it stay valid.
    this.#port ||= await freePort();
    const instrumentation = instrument(this.#options);
    this.#child = spawnTs(this.#entry, {
      label: this.name,
      ...instrumentation,
      env: { ...instrumentation.env, PORT: String(this.#port), HOST: '127.0.0.1' },
    });
    await waitForHttp(`http://127.0.0.1:${this.#port}/`, this.#child);
  }

  async newRoom(): Promise<string> {
    return `bench-${randomUUID()}`;
  }

  async credentials(_room: string, n: number): Promise<undefined[]> {
    return new Array<undefined>(n).fill(undefined);
  }

  async restart(): Promise<void> {
    if (this.#child) await stopChild(this.#child);
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.#child) await stopChild(this.#child);
  }
}

export async function startChildPeer(
  name: string,
  entry: string,
  options: PeerStartOptions = {},
): Promise<ChildPeer> {
  const peer = new ChildPeer(name, entry, options);
  await peer.start();
  return peer;
}
