/**
 * Relays one message to many plain WebSocket connections, framing it once: the frame header
 * and payload are built a single time and each socket gets one write, as engine.io does for
 * its own broadcasts (`wsPreEncodedFrame`). The y-websocket endpoint's BroadcastGroup.
 */
import type { WebSocket } from 'ws';
import type { BroadcastGroup, PeerTransport } from '../documents/peer.ts';

/** The part of ws's private API engine.io relies on too. */
export interface SenderInternals {
  _state: number;
  sendFrame(list: Buffer[], cb?: (error?: Error) => void): void;
}

/** ws's sender in its idle state: not compressing or waiting on a blob. */
const SENDER_IDLE = 0;

/** The socket's ws sender when a frame written to it now goes out as is; else undefined. */
export function idleSenderOf(ws: WebSocket): SenderInternals | undefined {
  const sender = (ws as unknown as { _sender?: SenderInternals })._sender;
  return sender?._state === SENDER_IDLE ? sender : undefined;
}

export class WebSocketGroup implements BroadcastGroup {
  readonly members = new Map<PeerTransport, WebSocket>();

  broadcast(message: Uint8Array, except: PeerTransport | null): void {
    let frame: Buffer[] | undefined;
    for (const [transport, ws] of this.members) {
      if (transport === except || ws.readyState !== ws.OPEN) continue;
      const sender = idleSenderOf(ws);
      if (!sender) {
        ws.send(message, { binary: true });
        continue;
      }
      frame ??= [webSocketFrame(message, 0x2)];
      sender.sendFrame(frame);
    }
  }
}

/** One unmasked, final WebSocket frame (RFC 6455 §5.2): header and payload. */
export function webSocketFrame(payload: Uint8Array, opcode: 0x1 | 0x2): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x80 | opcode; // FIN + opcode (1 text, 2 binary)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
