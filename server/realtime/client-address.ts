/**
 * The address a realtime connection came from, as Express's `req.ip` would name it for an HTTP
 * request: the socket's peer, or, behind TRUST_PROXY proxies, the address the outermost of them
 * saw (X-Forwarded-For read from the right, one entry per trusted hop, never further).
 */
import type { IncomingMessage } from 'node:http';

export function clientAddress(
  request: IncomingMessage,
  trustProxyHops: number,
): string | undefined {
  const peer = request.socket.remoteAddress;
  if (trustProxyHops === 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
    .reverse();
  // The peer is hop 0; each trusted hop vouches for the address one further to the left.
  const chain = [peer, ...forwarded];
  return chain[Math.min(trustProxyHops, chain.length - 1)];
}
