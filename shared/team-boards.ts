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

/** The title shortened, a whole character at a time, where title and team would not fit. */
export function teamBoardTitle(title: string, team: number, language: Language): string {
  const suffix = ` · ${TEAM[language]} ${team}`;
  const characters = Array.from(title.trim());
  let length = title.trim().length;
  while (length + suffix.length > MAX_TITLE_LENGTH) length -= characters.pop()?.length ?? length;
  return `${characters.join('').trimEnd()}${suffix}`;
}
