import type { Catalogue } from '../en/index.ts';

export const app: Catalogue['app'] = {
  productName: 'Ideamill',
  language: 'Kieli',
  loading: 'Ladataan…',
};
