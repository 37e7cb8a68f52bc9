import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { webSocketFrame } from '../../server/realtime/websocket-broadcast.ts';

type Frame = (data: Buffer, options: Record<string, unknown>) => Buffer[];
// ws exports its Sender; its type definitions do not declare it.
const wsFrame = (ws as unknown as { Sender: { frame: Frame } }).Sender.frame;

describe('a binary frame built once for a broadcast', () => {
  it('is byte for byte the frame ws would send, at every length encoding', () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 70_000]) {
      const payload = Buffer.alloc(length, length % 251);
      const expected = Buffer.concat(
        wsFrame(payload, { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }),
      );
      expect(webSocketFrame(payload, 2).equals(expected), `length ${length}`).toBe(true);
    }
  });
});
