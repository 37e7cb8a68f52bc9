/** English UI text. The shape of this catalogue is the type every other language fills. */
import { app } from './app.ts';
import { canvas } from './canvas.ts';
import { errors } from './errors.ts';
import { outline } from './outline.ts';
import { workshop } from './workshop.ts';

export const en = { app, canvas, workshop, outline, errors };
export type Catalogue = typeof en;
