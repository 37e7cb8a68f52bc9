/** Requests Node's HTTP parser refuses before Express sees them. */
import http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * A request Node's HTTP parser could not read (a URL or headers past 16 KB, or not HTTP at all)
 * gets `{"error":{"code","message"}}` as every other error does (operator QA: a 431 with an
 * empty body), then the connection closes, as Node's own answer does.
 */
export function answerUnreadable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? {
          code: 'headers_too_large',
          message: 'The request line and headers are too long (at most 16 KB).',
        }
      : { code: 'invalid_input', message: 'The request could not be read as HTTP.' },
  });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
