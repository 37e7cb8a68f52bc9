/** Saving a form's text edit keeps what others changed while it was open (outline/text-edit.ts). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndex, TextEdit } from '../../client/src/outline/text-edit.ts';

describe('mapIndex', () => {
  it('moves past insertions before it and back over deletions before it', () => {
    expect(mapIndex(5, [{ insert: 'abc' }], false)).toBe(8);
    expect(mapIndex(5, [{ retain: 6 }, { insert: 'abc' }], false)).toBe(5);
    expect(mapIndex(5, [{ retain: 1 }, { delete: 2 }], false)).toBe(3);
    // A deletion across it puts it where the deleted stretch was.
    expect(mapIndex(5, [{ retain: 3 }, { delete: 4 }], false)).toBe(3);
  });

  it('text inserted exactly at it goes before a start and after an end', () => {
    expect(mapIndex(5, [{ retain: 5 }, { insert: 'xy' }], true)).toBe(7);
    expect(mapIndex(5, [{ retain: 5 }, { insert: 'xy' }], false)).toBe(5);
  });
});

describe('TextEdit', () => {
  /** A note's text on two clients, kept in sync both ways. */
  function twoClients(initial: string) {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    mine.on('update', (update: Uint8Array) => Y.applyUpdate(theirs, update));
    theirs.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update));
    mine.getText('t').insert(0, initial);
    return { mine: mine.getText('t'), theirs: theirs.getText('t') };
  }

  it('keeps their words before, after and between what I changed', () => {
    const { mine, theirs } = twoClients('one two three');
    const edit = new TextEdit(mine);
    theirs.insert(0, 'zero ');
    theirs.insert(theirs.length, ' four');
    mine.doc!.transact(() => edit.save(mine, 'one 2 three'));
    expect(theirs.toString()).toBe('zero one 2 three four');
  });

  it('where we both replaced the same word, both replacements stay: nothing typed is lost', () => {
    const { mine, theirs } = twoClients('one two three');
    const edit = new TextEdit(mine);
    theirs.delete(4, 3);
    theirs.insert(4, 'TWO');
    mine.doc!.transact(() => edit.save(mine, 'one 2 three'));
    expect(theirs.toString()).toBe('one TWO2 three');
  });

  it('what they typed inside the words I replaced goes with them', () => {
    const { mine, theirs } = twoClients('one two three');
    const edit = new TextEdit(mine);
    theirs.insert(5, 'w');
    mine.doc!.transact(() => edit.save(mine, 'one 2 three'));
    expect(theirs.toString()).toBe('one 2 three');
  });

  it('saves nothing when nothing was typed, and says when there is no Y.Text to change', () => {
    const { mine, theirs } = twoClients('same');
    const edit = new TextEdit(mine);
    theirs.insert(0, 'still ');
    edit.save(mine, 'same');
    expect(mine.toString()).toBe('still same');
    const plain = new TextEdit('a plain string');
    expect(plain.initial).toBe('a plain string');
    expect(plain.save('a plain string', 'changed')).toBe(false);
  });
});
