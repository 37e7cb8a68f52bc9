/**
 * Edits the server has not yet stored, kept in this browser's storage so that a page left
 * anyway (a reload or a closed tab while offline, a crashed browser, a laptop out of battery)
 * does not lose them: the next page on the board in this browser, for the same member, sends
 * them. One entry per page, so that two tabs never overwrite each other's.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import { readStored, storedKeys, writeStored } from '../app/storage.ts';

/** Whose edits, on which board and document ('yjs' the board, 'private:yjs' my own). */
export interface KeptEditsPlace {
  boardId: string;
  memberId: string;
  channel: 'yjs' | 'private:yjs';
}

export interface KeptEntry {
  key: string;
  /** The stored text, to tell whether its page has written it again since it was read. */
  stored: string;
  update: Uint8Array;
}

const prefixOf = ({ boardId, memberId, channel }: KeptEditsPlace) =>
  `ideamill.unsent.${boardId}.${memberId}.${channel}.`;

/** A key for this page's edits at `place`, unlike any other page's. */
export function keptEditsKey(place: KeptEditsPlace): string {
  const page = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  return prefixOf(place) + page;
}

/** Keeps `update` (a Yjs update holding every unstored edit of the page) under `key`. */
export function keepEdits(key: string, update: Uint8Array): void {
  writeStored(key, toBase64(update));
}

/** Forgets `key`'s edits: the server has them, or they can never be sent. */
export function forgetEdits(key: string): void {
  writeStored(key, null);
}

/** Whether any page left edits at `place`. */
export function hasKeptEdits(place: KeptEditsPlace): boolean {
  return storedKeys(prefixOf(place)).length > 0;
}

/** Every page's kept edits at `place` but `except`'s (this page's own). */
export function readKeptEdits(place: KeptEditsPlace, except: string): KeptEntry[] {
  const entries: KeptEntry[] = [];
  for (const key of storedKeys(prefixOf(place))) {
    if (key === except) continue;
    const stored = readStored(key);
    if (stored === null) continue;
    try {
      entries.push({ key, stored, update: fromBase64(stored) });
    } catch {
      // Not base64: not ours to send. Gone, so that it is not read again every time.
      forgetEdits(key);
    }
  }
  return entries;
}

/** Forgets `entry` unless its page has kept more since it was read (that page is still open). */
export function forgetEntry(entry: KeptEntry): void {
  if (readStored(entry.key) === entry.stored) forgetEdits(entry.key);
}
