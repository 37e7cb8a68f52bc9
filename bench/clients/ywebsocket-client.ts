/** The stock y-websocket WebsocketProvider over `ws` (Ideamill's /yjs endpoint, the reference). */
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ClientSpec } from '../peers/types.ts';
import { type FirstMessage, timedWebSocket } from './timed-websocket.ts';
import type { YjsClient } from './types.ts';

export function ywebsocketClient(spec: ClientSpec): YjsClient {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  // No presence unless a workload sets one: idle presence renewals would blur the figures.
  awareness.setLocalState(null);
  const first: FirstMessage = { at: undefined };
  const provider = new WebsocketProvider(spec.url, spec.room, doc, {
    WebSocketPolyfill: timedWebSocket(first) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    awareness,
    params: spec.token ? { token: spec.token } : {},
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('sync', (isSynced: boolean) => isSynced && resolve());
    provider.on('connection-close', (event: CloseEvent | null) => {
      // 4xxx: the server refused us (bad token, rate limit); retrying would not help.
      if (event && event.code >= 4000) reject(new Error(`closed ${event.code} ${event.reason}`));
    });
  });
  synced.catch(() => {});
  return {
    type: 'yjs',
    doc,
    awareness,
    synced,
    get firstMessageAt() {
      return first.at;
    },
    backlog: () => provider.ws?.bufferedAmount ?? 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
