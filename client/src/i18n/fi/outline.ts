import type { Catalogue } from '../en/index.ts';
/** The outline view. */
export const outline: Catalogue['outline'] = {
  title: 'Jäsennys',
};
