/**
 * Undoing the server's compression of a large sync message (server/realtime/deflated.ts):
 * fflate's inflate, synchronous, so a message is applied in the order it came with no queue
 * behind it, in any browser and in Node. The platform's DecompressionStream would need both
 * (it is asynchronous, and missing before Safari 16.4) and is no quicker: in Chromium, for an
 * 863 KB state, 35–49 ms the first time and 18–36 after, against fflate's 40–45 and 15–33
 * (BENCHMARKS §3, "Where the cost on loopback goes").
 */
import { inflateSync } from 'fflate';
import type { ContentEncoding } from '../../../shared/events.ts';

/** The encodings this client can undo, for the handshake's `acceptEncoding`. */
export const ACCEPTED_ENCODINGS: readonly ContentEncoding[] = ['deflate-raw'];

/** `bytes` (raw DEFLATE, RFC 1951) inflated. Throws where they are not valid DEFLATE. */
export function inflateRaw(bytes: Uint8Array): Uint8Array {
  return inflateSync(bytes);
}
