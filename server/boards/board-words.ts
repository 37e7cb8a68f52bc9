/**
 * Words the server itself writes into a board's records (a round's default title, a
 * follow-up's default title and notes), in the board's language, as its template labels are.
 */
import type { Language } from '../../shared/api.ts';

export interface BoardWords {
  round: (number: number) => string;
  followUp: string;
  /**
   * A follow-up's notes when it was made from a round's results. The round's title is quoted:
   * titles are often questions, and "Mitä viedään eteenpäin?: sija 1" reads as a typo.
   */
  fromRound: (roundTitle: string, rank: number, votes: number) => string;
}

export const BOARD_WORDS: Record<Language, BoardWords> = {
  en: {
    round: (number) => `Round ${number}`,
    followUp: 'Follow-up',
    fromRound: (title, rank, votes) =>
      `“${title}”: #${rank}, ${votes} vote${votes === 1 ? '' : 's'}`,
  },
  fi: {
    round: (number) => `Kierros ${number}`,
    followUp: 'Jatkotoimi',
    fromRound: (title, rank, votes) =>
      `”${title}”: sija ${rank}, ${votes} ${votes === 1 ? 'ääni' : 'ääntä'}`,
  },
};

/**
 * Whether `title` is the default the server gave round `number` (in either language: boards
 * made before the server followed their language got English ones). Exports call such a round
 * by its number alone.
 */
export function isDefaultRoundTitle(title: string, number: number): boolean {
  return Object.values(BOARD_WORDS).some((words) => words.round(number) === title);
}
