import type { Catalogue } from '../en/index.ts';
/** Facilitation, voting, follow-ups, history and export panels. */
export const workshop: Catalogue['workshop'] = {
  facilitation: 'Fasilitointi',
};
