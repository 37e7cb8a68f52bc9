/**
 * Boards made together, one for each team working side by side (SPEC §1: a development day,
 * each team of 5–8 on its own board). Each is an ordinary board; only the titles tell them
 * apart: "Title · Team 3", in the boards' language.
 */
import type { Language } from './api.ts';
import { MAX_TITLE_LENGTH } from './constants.ts';

/** How many boards one request of the landing page or one CLI command makes at most. */
export const MAX_TEAM_BOARDS = 30;

const TEAM: Record<Language, string> = { en: 'Team', fi: 'Tiimi' };

const letters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The title of board `team` (from 1) of `count` made together: the title as given for one
 * board; for several, followed by the team's number, the title shortened a whole letter as
 * people see it at a time (an emoji of several code points, a flag) where both would not fit.
 */
export function teamBoardTitle(
  title: string,
  team: number,
  count: number,
  language: Language,
): string {
  if (count === 1) return title;
  const suffix = ` · ${TEAM[language]} ${team}`;
  const whole = Array.from(letters.segment(title.trim()), (part) => part.segment);
  let length = title.trim().length;
  while (length + suffix.length > MAX_TITLE_LENGTH) length -= whole.pop()?.length ?? length;
  return `${whole.join('').trimEnd()}${suffix}`;
}

/**
 * A team board's title in another language: "Kehittämispäivä · Tiimi 2" becomes
 * "Kehittämispäivä · Team 2" as the board goes from Finnish to English. A title that does not end
 * as teamBoardTitle ends it in `from` is the facilitator's own, and stays.
 */
export function teamTitleIn(title: string, from: Language, to: Language): string {
  const ending = new RegExp(` · ${TEAM[from]} (\\d+)$`, 'u').exec(title);
  return ending ? `${title.slice(0, ending.index)} · ${TEAM[to]} ${ending[1]}` : title;
}
