/**
 * What the canvas publishes of my selection stays within what the server takes: Ctrl+A on a
 * large board selects thousands of items, and an awareness message over 64 KiB closes the
 * connection (docs/PROTOCOL.md), again at every reconnect while the selection lasts.
 */

import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MAX_SHARED_SELECTION } from '../../client/src/board/presence.ts';
import { PresencePublisher } from '../../client/src/canvas/presence/presence-publisher.ts';
import { decodeMessage, encodeAwareness } from '../../server/documents/protocol.ts';

describe('my published selection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('names at most MAX_SHARED_SELECTION items, and the server takes the message', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({
      member: { id: uuidv7(), name: 'Fran', color: '#cf222e', role: 'facilitator' },
      cursor: null,
      viewport: null,
      selection: [],
    });
    const publisher = new PresencePublisher(awareness);
    const everything = Array.from({ length: 2_000 }, () => uuidv7());
    publisher.selection(everything);
    vi.advanceTimersByTime(100);

    const { selection } = awareness.getLocalState() as { selection: string[] };
    expect(selection).toEqual(everything.slice(0, MAX_SHARED_SELECTION));
    const message = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    );
    expect(decodeMessage(message).kind).toBe('awareness');

    publisher.destroy();
    awareness.destroy();
    doc.destroy();
  });
});
