/** Real clients: our Socket.io provider and the stock y-websocket WebsocketProvider. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  SocketIoProvider,
  type SocketIoProviderOptions,
} from '../../client/src/sync/socketio-provider.ts';

export interface Client {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

export function socketIoClient(
  url: string,
  boardId: string,
  token: string,
  socket: SocketIoProviderOptions['socket'] = { reconnection: false },
  options: Omit<SocketIoProviderOptions, 'token' | 'socket'> = {},
) {
  const doc = new Y.Doc();
  const provider = new SocketIoProvider(url, boardId, doc, { ...options, token, socket });
  const synced = new Promise<void>((resolve) => {
    provider.on('synced', (s) => s && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function yWebsocketClient(url: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until the predicate holds; fails with the message after the timeout. */
export async function waitFor(
  predicate: () => boolean,
  message = 'condition',
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
