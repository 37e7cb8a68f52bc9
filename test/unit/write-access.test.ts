/**
 * What a member may write (client/src/board/write-access.ts): the one rule the canvas, its
 * model and the outline all ask, so none offers what another, or the server, refuses.
 */
import { describe, expect, it } from 'vitest';
import { mayEditItem, narrowed, writeAccess } from '../../client/src/board/write-access.ts';

const open = { locked: false, silentWriting: false };
const locked = { locked: true, silentWriting: false };
const silent = { locked: false, silentWriting: true };
const silentAndLocked = { locked: true, silentWriting: true };

describe('write access', () => {
  it('a participant writes the board while it is open, and may edit anything on it', () => {
    const access = writeAccess('participant', open, false);
    expect(access).toEqual({
      locked: false,
      sharedReadOnly: false,
      writesPrivately: false,
      canAdd: true,
      changesPinned: false,
    });
    expect(mayEditItem(access, false)).toBe(true);
  });

  it('a pinned item is a facilitator’s to change, never a participant’s or a viewer’s', () => {
    expect(mayEditItem(writeAccess('participant', open, false), false, true)).toBe(false);
    expect(mayEditItem(writeAccess('viewer', open, false), false, true)).toBe(false);
    expect(mayEditItem(writeAccess('facilitator', open, false), false, true)).toBe(true);
    // Unpinned, as every item a stock client writes, it is anyone's the board is open to.
    expect(mayEditItem(writeAccess('participant', open, false), false, false)).toBe(true);
  });

  it('before the board state arrives nothing is locked', () => {
    expect(writeAccess('participant', null, false).sharedReadOnly).toBe(false);
    expect(writeAccess('viewer', null, false).sharedReadOnly).toBe(true);
  });

  it('a viewer never writes, whatever the board state', () => {
    for (const state of [open, locked, silent, silentAndLocked]) {
      const access = writeAccess('viewer', state, false);
      expect(access.sharedReadOnly).toBe(true);
      expect(access.writesPrivately).toBe(false);
      expect(access.canAdd).toBe(false);
      expect(mayEditItem(access, false)).toBe(false);
    }
  });

  it('silent writing: a participant’s notes go to their private document, the board is closed', () => {
    const access = writeAccess('participant', silent, true);
    expect(access.sharedReadOnly).toBe(true);
    expect(access.writesPrivately).toBe(true);
    expect(access.canAdd).toBe(true);
    expect(mayEditItem(access, true)).toBe(true);
    expect(mayEditItem(access, false)).toBe(false);
  });

  it('silent writing before the private document is open: nothing to add to yet', () => {
    const access = writeAccess('participant', silent, false);
    expect(access.writesPrivately).toBe(false);
    expect(access.canAdd).toBe(false);
  });

  it('a private document still open after silent writing ended takes no new notes', () => {
    // The outline hears the end before its private document is closed (use-private-doc.ts).
    expect(writeAccess('participant', open, true).writesPrivately).toBe(false);
    expect(writeAccess('facilitator', open, true).writesPrivately).toBe(false);
  });

  it('a lock is pens down for a participant: the board and their private notes alike', () => {
    for (const [state, docOpen] of [
      [locked, false],
      [silentAndLocked, true],
    ] as const) {
      const access = writeAccess('participant', state, docOpen);
      expect(access.locked).toBe(true);
      expect(access.sharedReadOnly).toBe(true);
      expect(access.writesPrivately).toBe(false);
      expect(access.canAdd).toBe(false);
      expect(mayEditItem(access, true)).toBe(false);
      expect(mayEditItem(access, false)).toBe(false);
    }
  });

  it('the facilitator is never locked; during silent writing their new notes are private too', () => {
    expect(writeAccess('facilitator', locked, false)).toEqual({
      locked: false,
      sharedReadOnly: false,
      writesPrivately: false,
      canAdd: true,
      changesPinned: true,
    });
    const access = writeAccess('facilitator', silentAndLocked, true);
    expect(access.sharedReadOnly).toBe(false);
    expect(access.writesPrivately).toBe(true);
    expect(mayEditItem(access, false)).toBe(true);
    expect(mayEditItem(access, true)).toBe(true);
  });

  it('what I may change narrows when the board closes to me or a lock puts my pens down', () => {
    const participant = (state: typeof open) => writeAccess('participant', state, true);
    // The shared board closes: a lock, or silent writing starting.
    expect(narrowed(participant(open), participant(locked))).toBe(true);
    expect(narrowed(participant(open), participant(silent))).toBe(true);
    // Silent writing runs (the board already closed), then a lock: my private notes too.
    expect(narrowed(participant(silent), participant(silentAndLocked))).toBe(true);
    // Opening up, or nothing changing, narrows nothing.
    expect(narrowed(participant(locked), participant(open))).toBe(false);
    expect(narrowed(participant(silentAndLocked), participant(silent))).toBe(false);
    expect(narrowed(participant(silent), participant(silent))).toBe(false);
    // A facilitator is never locked, so a lock narrows nothing of theirs.
    const facilitator = (state: typeof open) => writeAccess('facilitator', state, true);
    expect(narrowed(facilitator(silent), facilitator(silentAndLocked))).toBe(false);
  });
});
