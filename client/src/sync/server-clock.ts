/**
 * The server's time as this page reckons it: its own clock plus the offset learnt from the last
 * board state (`serverNow`). What the page writes into the board with a time (an item's
 * `createdAt`, which the exports sort by) takes the server's, not a clock that may be days off
 * (QA: a laptop two days behind put its notes first in the CSV).
 */
let offsetMs = 0;

/** Learns the offset from a time the server sent just now; returns it (server − mine, ms). */
export function learnServerTime(serverNow: number): number {
  offsetMs = serverNow - Date.now();
  return offsetMs;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
