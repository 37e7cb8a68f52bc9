/** English UI text. The shape of this catalogue is the type every other language fills. */
import { app } from './app.ts';
import { canvas } from './canvas.ts';

export const en = { app, canvas };
export type Catalogue = typeof en;
