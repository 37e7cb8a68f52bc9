/** Ideamill's own SocketIoProvider (client/src/sync), as the web client uses it. */
import type { Socket } from 'socket.io-client';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SocketIoProvider } from '../../client/src/sync/socketio-provider.ts';
import { now } from '../clock.ts';
import type { ClientSpec } from '../peers/types.ts';
import type { YjsClient } from './types.ts';

interface EngineInternals {
  writeBuffer?: unknown[];
  transport?: { ws?: { bufferedAmount?: number } };
}

/** What a socket has queued, for pacing: engine.io-client keeps its queue and socket private. */
export function engineBacklog(socket: Socket): number {
  const engine = socket.io.engine as unknown as EngineInternals | undefined;
  // A queued packet counts as ~100 bytes, the size of a typical update.
  return (engine?.writeBuffer?.length ?? 0) * 100 + (engine?.transport?.ws?.bufferedAmount ?? 0);
}

export function socketioClient(spec: ClientSpec): YjsClient {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  let firstMessageAt: number | undefined;
  const provider = new SocketIoProvider(spec.url, spec.room, doc, {
    token: spec.token ?? '',
    awareness,
    socket: { reconnection: false },
  });
  // Catch-all listeners run before the provider's own 'yjs' listener, which applies the
  // update first (a large full sync would otherwise count as arriving once it was applied).
  provider.socket.onAny((event: string) => {
    if (event === 'yjs') firstMessageAt ??= now();
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', (isSynced) => isSynced && resolve());
    provider.on('board-error', (error) => reject(new Error(`${error.code}: ${error.message}`)));
  });
  synced.catch(() => {});
  return {
    type: 'yjs',
    doc,
    awareness,
    synced,
    get firstMessageAt() {
      return firstMessageAt;
    },
    backlog: () => engineBacklog(provider.socket),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
