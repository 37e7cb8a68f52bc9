/**
 * A document read from the database opens the sync with its stored state vector and answers a
 * new client's full sync with the stored bytes, both before integrating them, and integrates
 * a second after the last such reply has left (or when something needs the content sooner).
 *
 * An edit to a quiet document is stored and relayed before receive() returns; the edits that
 * follow it within the same moment share one row and one relayed message.
 */

import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { LiveDocument } from '../../server/documents/live-document.ts';
import type { PeerTransport } from '../../server/documents/peer.ts';
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../server/documents/protocol.ts';
import type { Db } from '../../server/store/database.ts';
import { addItem, itemsOf } from '../../shared/board-document.ts';
import { loadStoredDocument, storedBoardMember as member } from '../helpers/stored-document.ts';

let db: Db | undefined;
let document: LiveDocument | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  document?.destroy();
  db?.close();
});

/** A document of 20 notes as stored by compaction; `withVector: false` as by older versions. */
function load({ withVector = true } = {}): { live: LiveDocument; stored: Uint8Array } {
  const source = new Y.Doc();
  for (let i = 0; i < 20; i++) addItem(source, { type: 'note', x: i, y: 0, text: `n${i}` });
  const loaded = loadStoredDocument(source, { withVector });
  db = loaded.db;
  document = loaded.live;
  return loaded;
}

function recordingTransport() {
  const sent: Uint8Array[] = [];
  const onSent: (() => void)[] = [];
  const transport: PeerTransport = {
    kind: 'ywebsocket',
    send: (message, done) => {
      sent.push(message);
      if (done) onSent.push(done);
    },
    notify: () => {},
    close: () => {},
  };
  return { transport, sent, onSent };
}

const emptyStateVector = Y.encodeStateVector(new Y.Doc());
/** How long a document waits after a full sync from the store before integrating. */
const AFTER_SYNC_MS = 1_000;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('a document loaded from the database', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('sends a new client the stored bytes, and integrates a while after they have left', () => {
    const { live, stored } = load();
    const { transport, sent, onSent } = recordingTransport();
    const peer = live.connect(member, transport);
    // The sync opens at once with the stored state vector: nothing has been integrated.
    expect(sent).toEqual([encodeSyncStep1(Y.encodeStateVectorFromUpdate(stored))]);
    live.receive(peer, encodeSyncStep1(emptyStateVector));
    expect(sent.at(-1)).toEqual(encodeSyncStep2(stored));
    vi.advanceTimersByTime(AFTER_SYNC_MS);
    // Still waiting: the reply has not been handed to the operating system yet.
    expect(live.integrated).toBe(false);
    for (const done of onSent) done();
    vi.advanceTimersByTime(AFTER_SYNC_MS - 1);
    expect(live.integrated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(live.integrated).toBe(true);
    expect(itemsOf(live.doc).size).toBe(20);
    // The client already has the server's sync step 1: integrating sends it nothing more.
    expect(sent).toHaveLength(2);
  });

  it('answers everyone who joins meanwhile from the store too, with one message for all', () => {
    const { live, stored } = load();
    const first = recordingTransport();
    live.receive(live.connect(member, first.transport), encodeSyncStep1(emptyStateVector));
    for (const done of first.onSent) done();
    vi.advanceTimersByTime(AFTER_SYNC_MS / 2);
    const second = recordingTransport();
    live.receive(live.connect(member, second.transport), encodeSyncStep1(emptyStateVector));
    expect(second.sent.at(-1)).toEqual(encodeSyncStep2(stored));
    // Encoded once: a copy of a large state for each client was a fresh allocation each.
    expect(second.sent.at(-1)).toBe(first.sent.at(-1));
    for (const done of second.onSent) done();
    // The wait starts again from the last reply.
    vi.advanceTimersByTime(AFTER_SYNC_MS - 1);
    expect(live.integrated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(live.integrated).toBe(true);
  });

  it('integrates at once for a client that brings state of its own', () => {
    const { live, stored } = load();
    const first = recordingTransport();
    live.receive(live.connect(member, first.transport), encodeSyncStep1(emptyStateVector));
    const partial = new Y.Doc();
    Y.applyUpdate(partial, stored);
    addItem(partial, { type: 'note', x: 0, y: 0, text: 'offline' }, 'offline');
    const second = recordingTransport();
    live.receive(
      live.connect(member, second.transport),
      encodeSyncStep1(Y.encodeStateVector(partial)),
    );
    expect(live.integrated).toBe(true);
    // A diff against its state vector (it lacks nothing), not the whole stored state.
    const reply = second.sent.at(-1)!;
    expect(reply.length).toBeLessThan(stored.length / 10);
  });

  it('without a stored state vector, sends its sync step 1 once integrated', () => {
    const { live, stored } = load({ withVector: false });
    const { transport, sent, onSent } = recordingTransport();
    const peer = live.connect(member, transport);
    expect(sent).toEqual([]);
    live.receive(peer, encodeSyncStep1(emptyStateVector));
    expect(sent).toEqual([encodeSyncStep2(stored)]);
    for (const done of onSent) done();
    vi.advanceTimersByTime(AFTER_SYNC_MS);
    expect(live.integrated).toBe(true);
    expect(sent.at(-1)).toEqual(encodeSyncStep1(Y.encodeStateVector(live.doc)));
  });

  it('integrates at once when an edit arrives first', () => {
    const { live } = load();
    const { transport } = recordingTransport();
    const peer = live.connect(member, transport);
    const edit = new Y.Doc();
    addItem(edit, { type: 'note', x: 0, y: 0, text: 'early' }, 'early');
    live.receive(peer, encodeUpdate(Y.encodeStateAsUpdate(edit)));
    expect(live.integrated).toBe(true);
    expect(itemsOf(live.doc).size).toBe(21);
  });
});

describe('an edit', () => {
  const logRows = () =>
    (db!.prepare('SELECT count(*) AS n FROM document_updates').get() as { n: number }).n;

  /** A loaded document with a writer, and what a second connection has been relayed since. */
  function writerAndReader() {
    const { live } = load();
    const writer = live.connect(member, recordingTransport().transport);
    const { transport, sent } = recordingTransport();
    live.connect(member, transport);
    const before = sent.length;
    const addNote = (text: string) => {
      const edit = new Y.Doc();
      addItem(edit, { type: 'note', x: 0, y: 0, text }, text);
      live.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(edit)));
    };
    return { live, addNote, relayed: () => sent.slice(before) };
  }

  it('to a quiet document is stored and relayed before receive() returns', () => {
    const { live, addNote, relayed } = writerAndReader();
    addNote('lone');
    expect(logRows()).toBe(1);
    expect(relayed()).toHaveLength(1);
    expect(itemsOf(live.doc).get('lone')?.get('text')?.toString()).toBe('lone');
  });

  it('that follows another at once waits for the end of the turn, with the rest of it', async () => {
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    const { live, addNote, relayed } = writerAndReader();
    addNote('first');
    // The document has just flushed: it is busy, and these two share a transaction.
    addNote('second');
    addNote('third');
    expect(logRows()).toBe(1);
    expect(relayed()).toHaveLength(1);
    await tick();
    expect(logRows()).toBe(2);
    expect(relayed()).toHaveLength(2);
    // Quiet again once the last flush is QUIET_MS (2 ms) behind.
    clock.mockReturnValue(1_010);
    addNote('later');
    expect(logRows()).toBe(3);
    expect([...itemsOf(live.doc).keys()]).toEqual(
      expect.arrayContaining(['first', 'second', 'third', 'later']),
    );
  });

  it("that the disk has no room for reaches nobody, not even in a newcomer's sync (operator QA)", () => {
    vi.spyOn(performance, 'now').mockReturnValue(1_000);
    const { live, addNote, relayed } = writerAndReader();
    addNote('stored');
    // The disk fills (SQLite's SQLITE_FULL past max_page_count, as on a full disk); the next
    // edit waits for the end of the busy turn, and a newcomer asks for the board meanwhile.
    const pages = db!.pragma('page_count', { simple: true }) as number;
    db!.pragma(`max_page_count = ${pages}`);
    addNote(`unstored ${'x'.repeat(20_000)}`);
    const newcomer = recordingTransport();
    const peer = live.connect(member, newcomer.transport);
    live.receive(peer, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    const received = new Y.Doc();
    for (const message of [...newcomer.sent, ...relayed()]) {
      const state = syncedState(message);
      if (state) Y.applyUpdate(received, state);
    }
    const keys = [...itemsOf(received).keys()];
    expect(keys).toContain('stored');
    expect(keys.filter((key) => key.startsWith('unstored'))).toEqual([]);
    expect(logRows()).toBe(1);
  });
});

/** The Yjs update a sync step 2 or update message carries, else undefined. */
function syncedState(message: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const kind = decoding.readVarUint(decoder);
  return kind === 1 || kind === 2 ? decoding.readVarUint8Array(decoder) : undefined;
}
