/**
 * The note that writers move. A move is one transaction setting x, y and `movedAt`, the
 * sender's wall clock, which receivers subtract from their own to get the latency.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addItem, itemsOf } from '../shared/board-document.ts';
import { now } from './clock.ts';

export const MOVED_AT = 'movedAt';

export function createNote(doc: Y.Doc, id: string): void {
  if (!itemsOf(doc).has(id)) addItem(doc, { type: 'note', x: 0, y: 0, text: 'benchmark' }, id);
}

export function moveNote(doc: Y.Doc, id: string, step: number): void {
  const note = itemsOf(doc).get(id);
  if (!note) throw new Error(`note ${id} is missing`);
  doc.transact(() => {
    note.set('x', step % 2000);
    note.set('y', (step * 7) % 1000);
    note.set(MOVED_AT, now());
  });
}

/** Yjs structs (clock ticks) one moveNote adds: x, y and movedAt. */
export const STRUCTS_PER_MOVE = (() => {
  const doc = new Y.Doc();
  createNote(doc, 'note');
  const before = Y.getState(doc.store, doc.clientID);
  moveNote(doc, 'note', 1);
  const after = Y.getState(doc.store, doc.clientID);
  doc.destroy();
  return after - before;
})();

/**
 * Structs from other clients that `doc` has integrated. A server may relay several moves as
 * one update (one transaction at the receiver), so moves are counted by how far the receiver's
 * state has advanced, not by the transactions it saw.
 */
export function othersClock(doc: Y.Doc): number {
  let total = 0;
  for (const client of doc.store.clients.keys()) {
    if (client !== doc.clientID) total += Y.getState(doc.store, client);
  }
  return total;
}

/** y-protocols' sync message byte, before the sync step or update. */
export const MESSAGE_SYNC = 0;

/** The y-protocols message a client sends for an update (y-websocket, Ideamill's Socket.io). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Bytes of the y-protocols message a real client sends for one move: the floor sends as many. */
export function moveMessageBytes(): number {
  const doc = new Y.Doc();
  createNote(doc, 'note');
  moveNote(doc, 'note', 1);
  let size = 0;
  doc.on('update', (update: Uint8Array) => {
    size = syncUpdateMessage(update).length;
  });
  moveNote(doc, 'note', 1234);
  doc.destroy();
  return size;
}
