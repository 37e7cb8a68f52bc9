/** Finnish UI text, the same shape as the English catalogue. */
import type { Catalogue } from '../en/index.ts';
import { app } from './app.ts';
import { canvas } from './canvas.ts';
import { errors } from './errors.ts';
import { outline } from './outline.ts';
import { workshop } from './workshop.ts';

export const fi: Catalogue = { app, canvas, workshop, outline, errors };
