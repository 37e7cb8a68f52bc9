/**
 * How soon the server notices a client gone without a close (a laptop lid shut, a phone out of
 * coverage, a network switched): it pings every connection every PING_INTERVAL_MS and drops
 * one that has not answered a ping within PING_TIMEOUT_MS, so that person leaves "who is here"
 * within 30 s over either transport. (Socket.io's defaults took 45 s, the y-websocket server's
 * 60 s.) The same pings tell our web client within 30 s that its own connection died while the
 * page said Live.
 *
 * A ping waits behind whatever was sent before it: a large board's first sync over a slow line
 * (2.7 MB at 100 KB/s, 27 s) holds it back that long from a client that is alive and reading.
 * With 10 s to answer, such a board never loaded (QA); with 20 s, a first sync of about 30 s
 * gets through. Over y-websocket a client whose outgoing data is still draining is not dropped
 * at all: its answer waits behind that.
 */
export const PING_INTERVAL_MS = 10_000;
/** How long a client may take to answer a ping. */
export const PING_TIMEOUT_MS = 20_000;
