/** What the harness needs from any server under test, and how clients reach it. */

export type ClientKind = 'ywebsocket' | 'socketio' | 'hocuspocus' | 'relay';

/** Everything a load client needs to open one connection. Plain data: it crosses IPC. */
export interface ClientSpec {
  kind: ClientKind;
  /** ws:// base for WebSocket clients, http:// origin for Socket.io. */
  url: string;
  /** Board id (Ideamill), document name (reference, Hocuspocus) or relay room. */
  room: string;
  /** Ideamill member token; the peers have no authentication. */
  token?: string;
}

export interface RunningPeer {
  readonly name: string;
  /** The server process, for /proc readings. Changes on restart. */
  readonly pid: number;
  readonly port: number;
  /** A fresh room (board, document name). */
  newRoom(): Promise<string>;
  /** Credentials for n new clients of a room: member tokens, or undefined where none exist. */
  credentials(room: string, n: number): Promise<(string | undefined)[]>;
  /** Stops and starts the server on the same data (Ideamill: the SQLite file survives). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PeerStartOptions {
  /** Extra environment for the server process (e.g. IDLE_UNLOAD_MS). */
  env?: Record<string, string>;
  /** The Ideamill checkout to run (default: this one), e.g. a git worktree of a commit. */
  ideamillDir?: string;
  /** Write a V8 CPU profile of the server process into this directory. */
  cpuProfDir?: string;
  /** Preload the memory probe writing GC'd readings to this file (memory workload). */
  memoryProbeFile?: string;
  /** Preload the event-loop probe, listening in this directory (reconnect workload). */
  loopProbeDir?: string;
}
