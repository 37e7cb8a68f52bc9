/**
 * A presence lasts as long as its connection. y-protocols' Awareness drops another client's
 * state 30 s after its last renewal, and renews its own every 15 s from a timer; a browser runs
 * a background tab's timers once a minute, so a person with the board in a background tab (in
 * a video call, say) left and came back every minute in everyone's "who is here", connected
 * all along (QA). Our server drops a connection's presence when the connection ends
 * (server/documents/presence.ts), and our provider drops everyone else's when its own ends
 * (client/src/sync/socketio-provider.ts), so neither needs the expiry.
 */
import type { Awareness } from 'y-protocols/awareness';

/** How old a client's own state may grow before it is sent again (y-protocols' own figure). */
const RENEW_AFTER_MS = 15_000;
const CHECK_MS = 3_000;

/**
 * Replaces the Awareness's timer (the one `destroy` clears) with one that only renews this
 * client's own state, for stock y-websocket clients on the board, which still expire states;
 * or, with `renews: false` (the server, which has no state of its own), with none.
 */
export function presenceLastsWhileConnected(
  awareness: Awareness,
  { renews = true }: { renews?: boolean } = {},
): void {
  const timer = awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> };
  clearInterval(timer._checkInterval);
  if (!renews) return;
  timer._checkInterval = setInterval(() => {
    const state = awareness.getLocalState();
    const renewed = awareness.meta.get(awareness.clientID)?.lastUpdated ?? 0;
    if (state !== null && Date.now() - renewed >= RENEW_AFTER_MS) awareness.setLocalState(state);
  }, CHECK_MS);
}
