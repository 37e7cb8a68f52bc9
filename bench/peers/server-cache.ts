/**
 * Servers kept running for reuse (quick runs only): one per server program and start options,
 * so both Ideamill targets share one process and workloads skip start-up time.
 */
import type { Target } from '../targets.ts';
import type { PeerStartOptions, RunningPeer } from './types.ts';

export class ServerCache {
  readonly #peers = new Map<string, Promise<RunningPeer>>();

  get(target: Target, options: PeerStartOptions): Promise<RunningPeer> {
    const key = `${target.server} ${JSON.stringify(options)}`;
    let peer = this.#peers.get(key);
    if (!peer) {
      peer = target.start(options);
      this.#peers.set(key, peer);
    }
    return peer;
  }

  async stopAll(): Promise<void> {
    const peers = await Promise.allSettled(this.#peers.values());
    this.#peers.clear();
    await Promise.all(peers.map((p) => (p.status === 'fulfilled' ? p.value.stop() : undefined)));
  }
}
