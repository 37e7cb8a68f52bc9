/**
 * How soon the server notices a client gone without a close (a laptop lid shut, a phone out of
 * coverage, a network switched): it asks every connection to answer every PING_INTERVAL_MS and
 * drops one that has not answered PING_TIMEOUT_MS later, so that person leaves "who is here"
 * within 20 s, over either transport. (Socket.io's defaults took 45 s, the y-websocket server's
 * 60 s: a vanished participant stood in the list for most of a minute.) The same pings tell our
 * web client within 20 s that its own connection died while the page said Live.
 */
export const PING_INTERVAL_MS = 10_000;
/** How long an answer may take; y-websocket looks at the next ping, the same time later. */
export const PING_TIMEOUT_MS = PING_INTERVAL_MS;
