/** Facilitation, voting, follow-ups, history and export panels. */
export const workshop = {
  facilitation: 'Facilitation',
};
