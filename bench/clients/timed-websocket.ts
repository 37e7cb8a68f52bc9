/** A `ws` WebSocket that remembers when its first message arrived (time to first byte). */
import WebSocket from 'ws';
import { now } from '../clock.ts';

export interface FirstMessage {
  at: number | undefined;
}

export type WebSocketClass = new (
  address: string | URL,
  protocols?: string | string[],
) => WebSocket;

export function timedWebSocket(first: FirstMessage): WebSocketClass {
  return class TimedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.once('message', () => {
        first.at ??= now();
      });
    }
  };
}
