import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../shared/constants.ts';
import { teamBoardTitle, teamTitleIn } from '../../shared/team-boards.ts';

describe('the title of a team’s board', () => {
  it('names the team in the board’s language', () => {
    expect(teamBoardTitle('Development day', 3, 8, 'en')).toBe('Development day · Team 3');
    expect(teamBoardTitle(' Kehittämispäivä ', 12, 12, 'fi')).toBe('Kehittämispäivä · Tiimi 12');
    // One board alone keeps its title as given.
    expect(teamBoardTitle('Weekly ambassadors', 1, 1, 'en')).toBe('Weekly ambassadors');
  });

  it('shortens a long title a whole character at a time, so that it still fits', () => {
    const long = `${'a'.repeat(MAX_TITLE_LENGTH - 12)}😀😀😀`;
    const title = teamBoardTitle(long, 7, 8, 'en');
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title.endsWith(' · Team 7')).toBe(true);
    // No half of an emoji is left behind.
    expect(title.isWellFormed()).toBe(true);
    // Nor a part of one made of several, or of a flag (QA: 👩🏽‍💻 became 👩).
    for (const emoji of ['👩🏽‍💻', '🇫🇮']) {
      const cut = teamBoardTitle(
        `${'a'.repeat(MAX_TITLE_LENGTH - 12)}${emoji.repeat(3)}`,
        7,
        8,
        'en',
      );
      expect(cut.replace(/^a+/, '').replace(' · Team 7', '').replaceAll(emoji, '')).toBe('');
    }
  });
});

describe('a team board in another language', () => {
  it('says its team in that language, and leaves a title of the facilitator’s own as it is', () => {
    expect(teamTitleIn('Kehittämispäivä 2026 · Tiimi 2', 'fi', 'en')).toBe(
      'Kehittämispäivä 2026 · Team 2',
    );
    expect(teamTitleIn('Development day · Team 12', 'en', 'fi')).toBe('Development day · Tiimi 12');
    // Not the ending boards made together have: the facilitator's words.
    expect(teamTitleIn('Claims · Tiimi A', 'fi', 'en')).toBe('Claims · Tiimi A');
    expect(teamTitleIn('Tiimi 2 · Claims', 'fi', 'en')).toBe('Tiimi 2 · Claims');
    expect(teamTitleIn('Retro · Team 3', 'fi', 'en')).toBe('Retro · Team 3');
  });
});
