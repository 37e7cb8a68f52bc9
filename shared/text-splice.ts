/**
 * The one change that turns a text into another: what both share at the start and at the end is
 * kept, the stretch between is replaced. Both editors of a Y.Text (the canvas's and the
 * outline's) write their edits this way, so that others' typing elsewhere in the text survives.
 *
 * It never begins or ends between the two UTF-16 units of one character (an emoji, say): Yjs
 * counts text in units, and a change that splits a character leaves each half as U+FFFD, for
 * everyone (QA: 😁 typed before 😀, two emoji whose first unit is the same).
 */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export function textSplice(before: string, after: string): TextSplice | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // A shared first half is not shared: the character it begins is part of the change.
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  // Nor is a shared second half.
  if (endBefore < before.length && isLow(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}
