import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeUpdate,
  isNullState,
  MalformedMessage,
  parseAwarenessState,
  validateUpdate,
} from '../../server/documents/protocol.ts';
import { addItem } from '../../shared/board-document.ts';

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  addItem(doc, { type: 'note', x: 1, y: 2, text: 'hello there, a note with some text' });
  return Y.encodeStateAsUpdate(doc);
}

describe('decoding y-protocols messages', () => {
  it('reads sync step 1, updates and awareness', () => {
    const update = realUpdate();
    expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    const sv = Y.encodeStateVector(new Y.Doc());
    expect(decodeMessage(encodeSyncStep1(sv)).kind).toBe('sync-step-1');
    const presence = new Awareness(new Y.Doc());
    presence.setLocalStateField('user', { name: 'Aino' });
    const awareness = encodeAwarenessUpdate(presence, [presence.clientID]);
    expect(decodeMessage(encodeAwareness(awareness))).toEqual({
      kind: 'awareness',
      update: awareness,
      entries: [
        {
          clientId: presence.clientID,
          clock: 1,
          state: new TextEncoder().encode('{"user":{"name":"Aino"}}'),
        },
      ],
    });
    presence.destroy();
    expect(decodeMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('tells a departure from a state, and refuses a state that is not UTF-8 JSON', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(isNullState(bytes('null'))).toBe(true);
    expect(isNullState(bytes('nul'))).toBe(false);
    expect(isNullState(bytes('{"null":1}'))).toBe(false);
    expect(parseAwarenessState(bytes('{"cursor":{"x":1}}'))).toEqual({ cursor: { x: 1 } });
    expect(() => parseAwarenessState(bytes('{{{'))).toThrow(MalformedMessage);
    expect(() => parseAwarenessState(new Uint8Array([0x22, 0xff, 0x22]))).toThrow(MalformedMessage);
  });

  it('refuses every truncation of a real update message', () => {
    const message = encodeUpdate(realUpdate());
    for (let cut = 0; cut < message.length; cut++) {
      expect(() => decodeMessage(message.subarray(0, cut)), `cut at ${cut}`).toThrow(
        MalformedMessage,
      );
    }
  });

  it('does not read past a message that is a slice of a larger buffer', () => {
    const doc = new Y.Doc();
    addItem(doc, { type: 'note', x: 1, y: 2, text: 'x'.repeat(300) });
    const update = Y.encodeStateAsUpdate(doc);
    // The envelope is whole, but the update inside stops short; the pool around the slice
    // holds exactly the bytes that would complete it.
    const truncated = update.subarray(0, update.length - 40);
    const message = encodeUpdate(truncated);
    const pool = new Uint8Array(message.length + 40);
    pool.set(message);
    pool.set(update.subarray(update.length - 40), message.length);
    const decoded = decodeMessage(pool.subarray(0, message.length));
    expect(decoded.kind).toBe('update');
    if (decoded.kind !== 'update') return;
    expect(() => validateUpdate(decoded.update)).toThrow(MalformedMessage);
  });

  it('refuses unknown types, unknown sync steps and trailing bytes', () => {
    expect(() => decodeMessage(new Uint8Array([9]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([0, 5, 0]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([3, 0]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([]))).toThrow(MalformedMessage);
  });

  it('refuses awareness entries that are cut short or followed by stray bytes', () => {
    const good = new Uint8Array([1, 7, 1, 2, 0x7b, 0x7d]);
    expect(decodeMessage(encodeAwareness(good)).kind).toBe('awareness');
    expect(() => decodeMessage(encodeAwareness(good.subarray(0, 5)))).toThrow(MalformedMessage);
    const trailing = new Uint8Array([...good, 9]);
    expect(() => decodeMessage(encodeAwareness(trailing))).toThrow(MalformedMessage);
  });

  it('validateUpdate refuses a structurally broken update', () => {
    const update = realUpdate();
    expect(() => validateUpdate(update)).not.toThrow();
    expect(() => validateUpdate(update.subarray(0, update.length - 3).slice())).toThrow(
      MalformedMessage,
    );
  });
});
