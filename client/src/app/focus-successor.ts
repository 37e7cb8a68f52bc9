/**
 * Where the keyboard focus goes when the element holding it leaves the page: a control that
 * gives way to another ("Open round" to "Close round"), a follow-up or a note deleted, by me or
 * by someone else. Left alone, the browser drops the focus on <body>, where a screen reader
 * loses its place and says nothing.
 *
 * An element whose ref is `useFocusSuccessor(next)` hands the focus on as it leaves: `next` is
 * asked once React has drawn the change, so it can name the control that took the element's
 * place, a neighbour, or the region around it. When elements inside one another leave together,
 * the innermost that held the focus is asked first, then the ones around it.
 */
import { type RefCallback, useCallback, useRef } from 'react';

export type Successor = () => HTMLElement | null | undefined;

interface HandOver {
  element: HTMLElement;
  next: Successor;
  options?: FocusOptions;
}

let pending: HandOver[] = [];

function handOn(): void {
  const waiting = pending;
  pending = [];
  // The focus went somewhere meanwhile (a field that takes it back, a dialog): it stays there.
  const active = document.activeElement;
  if (active !== null && active !== document.body) return;
  const innermostFirst = waiting.sort((a, b) =>
    a.element.contains(b.element) ? 1 : b.element.contains(a.element) ? -1 : 0,
  );
  for (const { next, options } of innermostFirst) {
    const successor = next();
    if (successor?.isConnected) {
      successor.focus(options);
      if (document.activeElement === successor) return;
    }
  }
}

export function useFocusSuccessor<T extends HTMLElement>(
  next: Successor,
  options?: FocusOptions,
): RefCallback<T> {
  const latest = useRef({ next, options });
  latest.current = { next, options };
  return useCallback((element: T | null) => {
    if (!element) return;
    // React 19 calls this as it takes the element away, while it is still on the page.
    return () => {
      if (!element.contains(document.activeElement)) return;
      // What takes its place is drawn in the same commit: on the page by the next microtask.
      if (pending.length === 0) queueMicrotask(handOn);
      pending.push({ element, next: () => latest.current.next(), options: latest.current.options });
    };
  }, []);
}
