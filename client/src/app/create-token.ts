/**
 * The passcode some servers ask for to create boards (the operator's CREATE_TOKEN), kept in
 * this browser's localStorage once it has worked, so that a facilitator types it once. It
 * creates boards and nothing else: it opens no board and deletes none. Where storage is
 * blocked, it is asked for each time.
 */
import { readStored, writeStored } from './storage.ts';

const STORAGE_KEY = 'ideamill.createToken';

export function loadCreateToken(): string | null {
  return readStored(STORAGE_KEY);
}

export function saveCreateToken(token: string | null): void {
  writeStored(STORAGE_KEY, token || null);
}
