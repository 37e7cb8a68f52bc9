/**
 * What the page says of edits an earlier page in this browser left unsent, as this one sends
 * them (unsent-edits.ts): that they are on their way, then for a while that they are saved.
 * The board's connection and my private document's (silent writing) each tell it.
 */
import type { CarriedEdits } from '../sync/unsent-edits.ts';

/** How long the page says that edits from an earlier visit were saved. */
const SAID_MS = 10_000;

export interface CarriedNews {
  /** For guardUnsentEdits: the news as it comes. */
  tell(news: CarriedEdits): void;
  /** Stops the timer that takes `stored` back (the connection is closing). */
  stop(): void;
}

/** News for `say`: `stored` goes back to null after SAID_MS. */
export function carriedNews(say: (news: CarriedEdits | null) => void): CarriedNews {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    tell(news) {
      say(news);
      clearTimeout(timer);
      if (news === 'stored') timer = setTimeout(() => say(null), SAID_MS);
    },
    stop: () => clearTimeout(timer),
  };
}
