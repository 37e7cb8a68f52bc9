/**
 * A button's words in an item's foot: whole where the button has room for them, else the first
 * of their shorter forms that fits (a shorter word, then an icon and a count), rather than a
 * word cut to "…" (QA, in Finnish: "Nimeä jatk…" at 55 %, "1 jat…" beside the vote dots at
 * 30 %). All forms lie in one place, the whole words giving the button its widest size, so
 * whether each fits reads the same at any width, and the button keeps its size as the form
 * changes. The shorter forms are for the eye: the button's name is the whole words (its
 * aria-label).
 */
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export function FitWords({ words, shorter }: { words: string; shorter: ReactNode[] }) {
  const forms = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new words, measured anew
  useLayoutEffect(() => {
    const element = forms.current;
    if (!element) return;
    // Each form's box is as wide as the button lets it be; its text, as wide as it is. A foot
    // changes width as the board zooms, an item is resized or the dots beside it change.
    const measure = () => {
      const all = [...element.children];
      const fitting = all.findIndex((form) => form.scrollWidth <= form.clientWidth);
      setShown(fitting === -1 ? all.length - 1 : fitting);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [words]);
  return (
    <span ref={forms} className="wk-fit">
      <span data-shown={shown === 0 || undefined}>{words}</span>
      {shorter.map((form, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the forms are a fixed list, in order
        <span key={i} aria-hidden="true" data-shown={shown === i + 1 || undefined}>
          {form}
        </span>
      ))}
    </span>
  );
}

/** A follow-up, drawn: a flag on its pole, in the colour of the words around it. */
export function FollowUpIcon() {
  return (
    <svg className="wk-fu-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3.5 14.5V2M3.5 2.5h9l-2.5 3 2.5 3h-9"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
