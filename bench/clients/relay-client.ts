/** A plain `ws` client of the floor relay: bytes in, bytes out, no Yjs. */
import WebSocket from 'ws';
import { now } from '../clock.ts';
import type { ClientSpec } from '../peers/types.ts';
import type { RelayClient } from './types.ts';

export function relayClient(spec: ClientSpec): RelayClient {
  const ws = new WebSocket(`${spec.url}/${spec.room}`);
  ws.binaryType = 'nodebuffer';
  let firstMessageAt: number | undefined;
  const client: RelayClient = {
    type: 'relay',
    synced: new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
    get firstMessageAt() {
      return firstMessageAt;
    },
    send: (data) => ws.send(data, { binary: true }),
    onMessage: () => {},
    backlog: () => ws.bufferedAmount,
    destroy: () => ws.terminate(),
  };
  ws.on('message', (data: Buffer) => {
    firstMessageAt ??= now();
    client.onMessage(data);
  });
  client.synced.catch(() => {});
  return client;
}
