/**
 * A title opens for writing all selected only while it is as its item was made: a name someone
 * gave is one key away from gone for everyone otherwise (a11y QA).
 */
import { describe, expect, it } from 'vitest';
import { selectsWholeTitle } from '../../client/src/canvas/items/title-caret.ts';

describe('where the caret goes as a title opens', () => {
  it('selects a new concept card’s or frame’s title, in either language, to be typed over', () => {
    for (const title of ['New service concept', 'Uusi palvelukonseptiaihio', 'Frame', 'Kehys']) {
      expect(selectsWholeTitle(title), title).toBe(true);
    }
    expect(selectsWholeTitle('  New service concept ')).toBe(true);
    expect(selectsWholeTitle('')).toBe(true);
  });

  it('leaves a name someone gave whole, the caret at its end', () => {
    expect(selectsWholeTitle('Book locker pickup')).toBe(false);
    expect(selectsWholeTitle('New service concept for commuters')).toBe(false);
    expect(selectsWholeTitle('Frames')).toBe(false);
  });
});
