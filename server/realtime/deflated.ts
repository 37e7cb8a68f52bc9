/**
 * Large sync messages sent compressed to the clients that can take them (Socket.io, where the
 * handshake's `acceptEncoding` names `deflate-raw`): a board's first sync is most of what a
 * member waits for when joining over a slow line, and a Yjs state shrinks about 4 × under
 * DEFLATE at level 1 (a 2,000-note board's 645,848 bytes to 167,733: npm run bench:slow-line). WebSocket
 * compression (permessage-deflate) would do it for every message and keep a zlib context per
 * connection; browsers then compress every cursor move they send, which the server would inflate
 * one by one. Here only what is worth it is compressed, once per message: everyone who joins a
 * board between two edits gets the same full sync, so the same compressed bytes.
 */
import zlib from 'node:zlib';
import type { ContentEncoding } from '../../shared/events.ts';

/** Smaller messages go as they are: a few kilobytes cross even a slow line in a moment. */
export const DEFLATE_FROM_BYTES = 16 * 1024;

/** The encoding a client asks for in its handshake (`acceptEncoding`). */
export const DEFLATE_RAW: ContentEncoding = 'deflate-raw';

const compressed = new WeakMap<Uint8Array, Uint8Array | null>();

/**
 * `message` as raw DEFLATE (RFC 1951), or null where it is too small to be worth it or does
 * not shrink. Remembered for as long as the message itself is kept (a shared full sync).
 */
export function deflatedOf(message: Uint8Array): Uint8Array | null {
  if (message.length < DEFLATE_FROM_BYTES) return null;
  let deflated = compressed.get(message);
  if (deflated === undefined) {
    // Level 1: nearly as small as the default level's (1–2 % larger), in a fifth of its time.
    const bytes = zlib.deflateRawSync(message, { level: 1 });
    deflated = bytes.length < message.length ? bytes : null;
    compressed.set(message, deflated);
  }
  return deflated;
}
