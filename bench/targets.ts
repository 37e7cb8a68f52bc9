/**
 * The systems under test. Ideamill is measured through both of its doors; each peer through its
 * own stock client. Every measurement starts its own server process.
 */
import { startChildPeer } from './peers/child-peer.ts';
import { startIdeamill } from './peers/ideamill.ts';
import type { ClientKind, ClientSpec, PeerStartOptions, RunningPeer } from './peers/types.ts';

export type TargetId = 'ideamill-yws' | 'ideamill-sio' | 'reference' | 'hocuspocus' | 'floor';

export interface Target {
  id: TargetId;
  /** The server program behind the target: both Ideamill targets run the same one. */
  server: 'ideamill' | 'reference' | 'hocuspocus' | 'floor';
  /** Ideamill rows are compared with every other target. */
  ideamill: boolean;
  /** The raw relay: no Yjs document, only bytes. */
  floor: boolean;
  kind: ClientKind;
  start(options?: PeerStartOptions): Promise<RunningPeer>;
  /** The URL a client of this target connects to. */
  url(peer: RunningPeer): string;
}

const ws = (peer: RunningPeer) => `ws://127.0.0.1:${peer.port}`;

export const TARGETS: readonly Target[] = [
  {
    id: 'ideamill-yws',
    server: 'ideamill',
    ideamill: true,
    floor: false,
    kind: 'ywebsocket',
    start: (options) => startIdeamill(options),
    url: (peer) => `${ws(peer)}/yjs`,
  },
  {
    id: 'ideamill-sio',
    server: 'ideamill',
    ideamill: true,
    floor: false,
    kind: 'socketio',
    start: (options) => startIdeamill(options),
    url: (peer) => `http://127.0.0.1:${peer.port}`,
  },
  {
    id: 'reference',
    server: 'reference',
    ideamill: false,
    floor: false,
    kind: 'ywebsocket',
    start: (options) =>
      startChildPeer('reference', 'bench/peers/servers/reference-server.ts', options),
    url: ws,
  },
  {
    id: 'hocuspocus',
    server: 'hocuspocus',
    ideamill: false,
    floor: false,
    kind: 'hocuspocus',
    start: (options) =>
      startChildPeer('hocuspocus', 'bench/peers/servers/hocuspocus-server.ts', options),
    url: ws,
  },
  {
    id: 'floor',
    server: 'floor',
    ideamill: false,
    floor: true,
    kind: 'relay',
    start: (options) => startChildPeer('floor', 'bench/peers/servers/relay-server.ts', options),
    url: ws,
  },
];

/** Client specs for n new connections to a room of a running target. */
export async function clientSpecs(
  target: Target,
  peer: RunningPeer,
  room: string,
  n: number,
): Promise<ClientSpec[]> {
  const tokens = await peer.credentials(room, n);
  return tokens.map((token) => ({
    kind: target.kind,
    url: target.url(peer),
    room,
    ...(token === undefined ? {} : { token }),
  }));
}
