import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textSplice } from '../../shared/text-splice.ts';

/** `before` in a Y.Text, the splice written into it, and the text another document receives. */
function written(before: string, after: string): string {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, before);
  const change = textSplice(before, after);
  if (change) {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  }
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other.getText('t').toString();
}

describe('textSplice', () => {
  it('keeps what both texts share at the start and at the end', () => {
    expect(textSplice('abc', 'aXbc')).toEqual({ index: 1, remove: 0, insert: 'X' });
    expect(textSplice('Shorter queues', 'Short queues')).toEqual({
      index: 5,
      remove: 2,
      insert: '',
    });
    expect(textSplice('same', 'same')).toBeNull();
  });

  it('never splits a character written as two units, which Yjs would turn into U+FFFD (QA)', () => {
    const cases: [string, string][] = [
      ['😀', '😁😀'], // typed before an emoji that shares its first unit
      ['👍', '👎'], // replaced by its neighbour
      ['🇸🇪 Ruotsi', '🇫🇮🇸🇪 Ruotsi'], // a flag typed before a flag
      ['👩🏽‍💻 Sam', '👩🏾‍💻 Sam'], // a skin tone changed
      ['Kiitos 🙂', 'Kiitos 🙃'],
      ['𠮷野家', '𠮷𠮷野家'],
      ['\uD83D\uDE00', '\uD83C\uDE00'], // same second unit, another first
      ['a😀b', 'a😀😀b'],
    ];
    for (const [before, after] of cases) {
      expect(written(before, after), `${before} → ${after}`).toBe(after);
      // Neither end of the change falls on a second half.
      const { index, remove } = textSplice(before, after)!;
      const isSecondHalf = (unit: number) => (unit & 0xfc00) === 0xdc00;
      expect(isSecondHalf(before.charCodeAt(index))).toBe(false);
      expect(isSecondHalf(before.charCodeAt(index + remove))).toBe(false);
    }
  });

  it('turns any text into any other, made of emoji, letters and marks (200 random pairs)', () => {
    const pieces = [
      '😀',
      '😁',
      '👍',
      '👎',
      '🇫🇮',
      '🇸🇪',
      '👩🏽‍💻',
      'a',
      'b',
      'ä',
      'e\u0301',
      ' ',
      '漢',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const text = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
    for (let i = 0; i < 200; i++) {
      const before = text();
      const after = text();
      expect(written(before, after), `${before} → ${after}`).toBe(after);
    }
  });
});
