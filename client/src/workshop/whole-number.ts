/**
 * A whole-number field (votes per person, how many from the top) keeps the text as it is
 * typed: clamping on every keystroke turned "delete the 5, type 3" into 13, because the
 * emptied field had already snapped back to 1. The number is clamped where it is used, and
 * the text is tidied to that number when the field loses focus, unless it is out of range:
 * that the field's own validation says.
 */
import { useState } from 'react';

export interface WholeNumberField {
  text: string;
  /** What is typed, within [min, max]; the initial number while the field is empty. */
  value: number;
  setText(text: string): void;
  /** Shows `value` in the field (on blur). */
  tidy(): void;
}

export function useWholeNumber(initial: number, min: number, max: number): WholeNumberField {
  const [text, setText] = useState(String(initial));
  const typed = Number.parseInt(text, 10);
  const value = Math.max(min, Math.min(max, Number.isFinite(typed) ? typed : initial));
  // A number out of range stays as typed, for the field's own check (min, max) to say so when
  // the form is sent: tidied to the nearest allowed, 0 votes per person opened a round of 1
  // without a word (QA).
  const outOfRange = Number.isFinite(typed) && (typed < min || typed > max);
  const tidy = () => {
    if (!outOfRange) setText(String(value));
  };
  return { text, value, setText, tidy };
}
