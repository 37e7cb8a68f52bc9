/** Text pasted from elsewhere becomes notes (client/src/canvas/model/clipboard.ts). */
import { describe, expect, it } from 'vitest';
import { notesFromText } from '../../client/src/canvas/model/clipboard.ts';

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
