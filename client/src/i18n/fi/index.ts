/** Finnish UI text, the same shape as the English catalogue. */
import type { Catalogue } from '../en/index.ts';
import { app } from './app.ts';
import { canvas } from './canvas.ts';

export const fi: Catalogue = { app, canvas };
