/** Opens a client of the right library for a spec. */
import type { ClientSpec } from '../peers/types.ts';
import { hocuspocusClient } from './hocuspocus-client.ts';
import { relayClient } from './relay-client.ts';
import { socketioClient } from './socketio-client.ts';
import type { BenchClient } from './types.ts';
import { ywebsocketClient } from './ywebsocket-client.ts';

export type { BenchClient, RelayClient, YjsClient } from './types.ts';

export function openClient(spec: ClientSpec): BenchClient {
  switch (spec.kind) {
    case 'ywebsocket':
      return ywebsocketClient(spec);
    case 'socketio':
      return socketioClient(spec);
    case 'hocuspocus':
      return hocuspocusClient(spec);
    case 'relay':
      return relayClient(spec);
  }
}
