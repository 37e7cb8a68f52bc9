/**
 * A select whose choice is a decision others see at once (a follow-up's owner or status, the
 * board's phase). A closed select changes its value on every arrow key, so keyboard browsing
 * only shows the choice: Enter or leaving the select commits it, Escape goes back. A pick from
 * the open list (pointer, or Enter in the list) commits at once.
 */
import { type ReactNode, useCallback, useRef, useState } from 'react';

/** The `refocusKey` of the select to focus again when it mounts anew (see below). */
let refocusSelect: string | null = null;

export function DeliberateSelect(props: {
  id?: string;
  value: string;
  onCommit: (value: string) => void;
  disabled?: boolean;
  /**
   * Names this select across remounts, where a committed choice makes React draw it anew (a
   * follow-up's owner or status moves its card to another group): the new one takes the focus
   * back as it mounts, before the card's fields decide where theirs goes.
   */
  refocusKey?: string;
  children: ReactNode;
}) {
  const { value, onCommit, refocusKey } = props;
  const [pending, setPending] = useState<string | null>(null);
  const browsing = useRef(false);
  const refocus = useCallback(
    (element: HTMLSelectElement | null) => {
      if (!element || refocusKey === undefined || refocusSelect !== refocusKey) return;
      refocusSelect = null;
      if (document.activeElement === document.body) element.focus();
    },
    [refocusKey],
  );
  const commit = (next: string | null, keepFocus: boolean) => {
    setPending(null);
    if (next === null || next === value) return;
    if (keepFocus && refocusKey !== undefined) refocusSelect = refocusKey;
    onCommit(next);
  };
  return (
    <select
      ref={refocus}
      id={props.id}
      value={pending ?? value}
      disabled={props.disabled}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(pending, true);
        } else if (event.key === 'Escape' && pending !== null) {
          event.preventDefault();
          event.stopPropagation();
          setPending(null);
        } else if (!event.altKey && !event.ctrlKey && !event.metaKey && event.key !== 'Tab') {
          // Arrows, Home/End, Page keys and typed letters step through a closed select.
          browsing.current = true;
        }
      }}
      onKeyUp={() => {
        browsing.current = false;
      }}
      onChange={(event) => {
        if (browsing.current) setPending(event.target.value);
        else commit(event.target.value, true);
      }}
      onBlur={() => commit(pending, false)}
    >
      {props.children}
    </select>
  );
}
