/**
 * Text pasted from elsewhere becomes notes, and copied items give other programs their words
 * (client/src/canvas/model/clipboard.ts).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeAccess } from '../../client/src/board/write-access.ts';
import { BoardModel } from '../../client/src/canvas/model/board-model.ts';
import {
  copyItems,
  notesFromText,
  pasteItems,
  plainTextOf,
} from '../../client/src/canvas/model/clipboard.ts';
import { exportItems } from '../../server/follow-through/exports/export-source.ts';
import { addItem, itemText } from '../../shared/board-document.ts';
import { CONCEPT_FIELD_LABELS } from '../../shared/concept-fields.ts';

const texts = (pasted: string) =>
  (notesFromText(pasted)?.items ?? []).map((item) => (item.fields.text as { $text: string }).$text);

describe('notes from pasted text', () => {
  it('a list\'s markers do not stay on its notes (QA: "- Reading lamps for loan")', () => {
    expect(
      texts('- Reading lamps for loan\n- Study-room occupancy light\n- Exam survival kit'),
    ).toEqual(['Reading lamps for loan', 'Study-room occupancy light', 'Exam survival kit']);
    expect(texts('1. Call back\n2) Online booking\n• Signage\n* Lockers\n- [x] Done one')).toEqual([
      'Call back',
      'Online booking',
      'Signage',
      'Lockers',
      'Done one',
    ]);
  });

  it('words that only start like a marker keep it', () => {
    expect(texts('-5 °C outside\n2024 budget\n*important*')).toEqual([
      '-5 °C outside',
      '2024 budget',
      '*important*',
    ]);
  });
});

describe('copied items as plain text', () => {
  it("a concept card copied into an e-mail gives its fields that have words, under the page's labels", () => {
    const doc = new Y.Doc();
    const access = writeAccess('participant', null, false);
    const id = addItem(doc, {
      type: 'concept',
      x: 0,
      y: 0,
      title: 'Service pilot',
      fields: { targetCustomer: 'First-time callers', firstStep: 'Call three customers' },
    });
    const note = addItem(doc, { type: 'note', x: 0, y: 900, text: 'Evening chat' });
    const payload = copyItems(new BoardModel(doc, null, () => access), [id, note]);
    if (!payload) throw new Error('the items are copied');
    expect(plainTextOf(payload)).toBe(
      'Service pilot\nTarget customer: First-time callers\nFirst step: Call three customers\n\nEvening chat',
    );
    expect(plainTextOf(payload, CONCEPT_FIELD_LABELS.fi)).toContain(
      'Service pilot\nKohdeasiakas: First-time callers\nEnsimmäinen askel: Call three customers',
    );
  });
});

describe('a pasted list', () => {
  it('keeps its order wherever items are listed as they were made (QA: the items CSV shuffled it)', () => {
    const doc = new Y.Doc();
    const access = writeAccess('participant', null, false);
    const model = new BoardModel(doc, null, () => access);
    const lines = Array.from({ length: 12 }, (_, index) => `Survey answer ${index + 1}`);
    const payload = notesFromText(lines.join('\n'));
    if (!payload) throw new Error('the list makes notes');
    pasteItems(model, payload, 0, 0, 'm-1', false);
    // The exports' order: by createdAt, then by id.
    const made = exportItems(doc).map((item) => itemText(item));
    expect(made).toEqual(lines);
  });
});
