/**
 * Ideamill under test: `server/main.ts` in its own process on 127.0.0.1 with a temporary data
 * directory. Per-connection limits are raised so the benchmark measures the pipeline, not the
 * rate limiter.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateBoardResponse, JoinBoardResponse } from '../../shared/api.ts';
import { freePort, ROOT, spawnTs, stopChild, waitForHttp } from '../child.ts';
import { instrument } from './instrument.ts';
import type { PeerStartOptions, RunningPeer } from './types.ts';

const UNTHROTTLED = {
  UPDATE_RATE_PER_SEC: '1000000',
  UPDATE_BURST: '1000000',
  AWARENESS_RATE_PER_SEC: '1000000',
  AWARENESS_BURST: '1000000',
  JOIN_RATE_PER_MIN: '1000000',
};

interface Keys {
  facilitator: string;
  participant: string;
}

export async function startIdeamill(options: PeerStartOptions = {}): Promise<IdeamillPeer> {
  const peer = new IdeamillPeer(options);
  await peer.start();
  return peer;
}

export class IdeamillPeer implements RunningPeer {
  readonly name = 'ideamill';
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-bench-'));
  readonly #options: PeerStartOptions;
  readonly #keys = new Map<string, Keys>();
  #child: ChildProcess | undefined;
  #port = 0;

  constructor(options: PeerStartOptions) {
    this.#options = options;
  }

  get pid(): number {
    return this.#child?.pid ?? 0;
  }

  get port(): number {
    return this.#port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    // A restart keeps the port, so client specs handed out before it stay valid.
    this.#port ||= await freePort();
    const instrumentation = instrument(this.#options);
    this.#child = spawnTs(path.resolve(this.#options.ideamillDir ?? ROOT, 'server/main.ts'), {
      label: 'ideamill',
      ...instrumentation,
      env: {
        ...UNTHROTTLED,
        ...instrumentation.env,
        PORT: String(this.#port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'silent',
      },
    });
    await waitForHttp(`${this.origin}/healthz`, this.#child);
  }

  async newRoom(): Promise<string> {
    const created = await this.#post<CreateBoardResponse>('/api/boards', { title: 'Benchmark' });
    this.#keys.set(created.board.id, created.keys);
    return created.board.id;
  }

  /** The first member of each call is a facilitator, the rest participants. */
  async credentials(room: string, n: number): Promise<string[]> {
    const keys = this.#keys.get(room);
    if (!keys) throw new Error(`unknown board ${room}`);
    const tokens: string[] = [];
    for (let start = 0; start < n; start += 25) {
      const batch = Array.from({ length: Math.min(25, n - start) }, (_, i) => {
        const key = start + i === 0 ? keys.facilitator : keys.participant;
        return this.#post<JoinBoardResponse>(`/api/boards/${room}/join`, {
          key,
          name: `bench ${start + i}`,
        });
      });
      for (const joined of await Promise.all(batch)) tokens.push(joined.token);
    }
    return tokens;
  }

  /** Prometheus text from GET /metrics. */
  async metrics(): Promise<string> {
    const response = await fetch(`${this.origin}/metrics`);
    return response.text();
  }

  async restart(): Promise<void> {
    if (this.#child) await stopChild(this.#child, 15_000);
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.#child) await stopChild(this.#child, 15_000);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  async #post<T>(route: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.origin}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

/** Reads one unlabelled gauge value from Prometheus text, NaN when absent. */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : Number.NaN;
}
