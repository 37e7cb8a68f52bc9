/**
 * A GET whose reply body comes back as the bytes that crossed the wire: fetch inflates a
 * gzip'd body out of sight, and a test or bench about compression needs to see it as sent.
 */
import http from 'node:http';

export interface WireReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

export function wireGet(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
