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

const memberPrefix = (boardId: string, memberId: string) =>
  `ideamill.unsent.${boardId}.${memberId}.`;
const prefixOf = ({ boardId, memberId, channel }: KeptEditsPlace) =>
  `${memberPrefix(boardId, memberId)}${channel}.`;

/** Members who left the board on this device in this page: nothing more of theirs is kept. */
const leftHere = new Set<string>();
/** This page's own keys: what its guards keep is theirs to send, not another page's leftovers. */
const keysHere = new Set<string>();

/** A key for this page's edits at `place`, unlike any other page's. */
export function keptEditsKey(place: KeptEditsPlace): string {
  const page = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  const key = prefixOf(place) + page;
  keysHere.add(key);
  return key;
}

/** What is kept under `key` is left behind: a later guard in this page may send it too. */
export function leaveKeptEdits(key: string): void {
  keysHere.delete(key);
}

/** Keeps `update` (a Yjs update holding every unstored edit of the page) under `key`. */
export function keepEdits(key: string, update: Uint8Array): void {
  for (const prefix of leftHere) if (key.startsWith(prefix)) return;
  writeStored(key, toBase64(update));
}

/**
 * "Leave this board on this device": the next person at a shared laptop must not find my
 * unsent words in its storage. They are forgotten, and this page keeps nothing more of mine
 * (its leaving would keep them again). The browser still asks before the page goes.
 */
export function forgetMemberEdits(boardId: string, memberId: string): void {
  const prefix = memberPrefix(boardId, memberId);
  leftHere.add(prefix);
  for (const key of storedKeys(prefix)) forgetEdits(key);
}

/** Forgets `key`'s edits: the server has them, or they can never be sent. */
export function forgetEdits(key: string): void {
  writeStored(key, null);
}

/** The keys of edits other pages kept at `place`. */
const othersKeys = (place: KeptEditsPlace) =>
  storedKeys(prefixOf(place)).filter((key) => !keysHere.has(key));

/** Whether another page left edits at `place`. */
export function hasKeptEdits(place: KeptEditsPlace): boolean {
  return othersKeys(place).length > 0;
}

/** Whether edits of this member to the board (either document) wait in this browser, unsent. */
export function hasKeptEditsOf(boardId: string, memberId: string): boolean {
  return storedKeys(memberPrefix(boardId, memberId)).some((key) => !keysHere.has(key));
}

/** The edits other pages kept at `place`. */
export function readKeptEdits(place: KeptEditsPlace): KeptEntry[] {
  const entries: KeptEntry[] = [];
  for (const key of othersKeys(place)) {
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
