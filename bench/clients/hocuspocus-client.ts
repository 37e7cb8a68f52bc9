/** @hocuspocus/provider, Hocuspocus's own client, over `ws`. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ClientSpec } from '../peers/types.ts';
import { type FirstMessage, timedWebSocket } from './timed-websocket.ts';
import type { YjsClient } from './types.ts';

export function hocuspocusClient(spec: ClientSpec): YjsClient {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const first: FirstMessage = { at: undefined };
  const socket = new HocuspocusProviderWebsocket({
    url: spec.url,
    WebSocketPolyfill: timedWebSocket(first),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: spec.room,
    document: doc,
    awareness,
  });
  provider.attach();
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', ({ state }: { state: boolean }) => state && resolve());
    provider.on('authenticationFailed', () => reject(new Error('authentication failed')));
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
    backlog: () => (socket.webSocket as { bufferedAmount?: number } | null)?.bufferedAmount ?? 0,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
