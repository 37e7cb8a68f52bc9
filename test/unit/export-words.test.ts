/**
 * The organiser reads the report beside the board: a follow-up's fields are called the same in
 * both, and the notes the server writes on a follow-up made from a round read as a sentence.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en/index.ts';
import { fi } from '../../client/src/i18n/fi/index.ts';
import { BOARD_WORDS } from '../../server/boards/board-words.ts';
import { labelsFor } from '../../server/follow-through/exports/labels.ts';

describe('words the exports share with the board', () => {
  it.each([
    ['fi', fi],
    ['en', en],
  ] as const)(
    'the %s report names a follow-up’s fields as the follow-ups panel does',
    (language, catalogue) => {
      const labels = labelsFor(language);
      const panel = catalogue.workshop;
      expect([labels.owner, labels.due, labels.status, labels.notes]).toEqual([
        panel.owner,
        panel.due,
        panel.status,
        panel.notes,
      ]);
    },
  );

  // QA: a dropped follow-up was "Hylätty" in the panel, "Luovuttu" in the report's table and
  // "jatkotoimesta luovuttiin" in the agenda.
  it.each([
    ['fi', fi, '2 jatkotointa hylättiin.'],
    ['en', en, '2 follow-ups were dropped.'],
  ] as const)(
    'the %s exports call a status what the follow-ups panel calls it, the agenda too',
    (language, catalogue, dropped) => {
      const labels = labelsFor(language);
      expect(labels.statuses).toEqual(catalogue.workshop.statuses);
      expect(labels.agenda.dropped(2)).toBe(dropped);
    },
  );

  it('a round titled with a question is quoted in a follow-up’s notes, not followed by "?:"', () => {
    expect(BOARD_WORDS.fi.fromRound('Mihin tartutaan ensin?', 1, 2)).toBe(
      '”Mihin tartutaan ensin?”: sija 1, 2 ääntä',
    );
    expect(BOARD_WORDS.en.fromRound('What do we take forward?', 2, 1)).toBe(
      '“What do we take forward?”: #2, 1 vote',
    );
  });
});
