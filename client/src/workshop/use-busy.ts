/**
 * One run at a time of an action that waits for the server (open a round, make follow-ups,
 * restore). Its button shows `busy` as aria-disabled, never `disabled`: a button that disables
 * itself drops the keyboard focus on <body> (as Downloads.tsx found). A second press while the
 * first runs does nothing, even before React has drawn the first.
 */
import { useCallback, useRef, useState } from 'react';

export function useBusy(): [busy: boolean, run: (action: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
