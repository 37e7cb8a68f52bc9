/**
 * The shared timer's time left, ticking while it runs: the banner's countdown and the
 * facilitator's timer controls read the same clock (the server's, by `offsetMs`).
 */
import { useEffect, useState } from 'react';
import type { TimerState } from '../../../shared/facilitation.ts';

function remainingMs(timer: TimerState, offsetMs: number, now: number): number | null {
  if (timer.status === 'running') return timer.endsAt - (now + offsetMs);
  if (timer.status === 'paused') return timer.remainingMs;
  return null;
}

/** Milliseconds left (0 or less once it has run out); null while the timer is idle. */
export function useTimeLeft(timer: TimerState, offsetMs: number): number | null {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (timer.status !== 'running') return;
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [timer]);
  // `now` only makes the tick re-render; the clock is read here so a fresh start is never stale.
  return remainingMs(timer, offsetMs, timer.status === 'running' ? Date.now() : now);
}
