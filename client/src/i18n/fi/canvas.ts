import type { Catalogue } from '../en/index.ts';

export const canvas: Catalogue['canvas'] = {
  zoomToFit: 'Sovita näkymään',
};
