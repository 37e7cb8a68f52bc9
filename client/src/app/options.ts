/**
 * The choices the landing page and the language switch offer. Kept here rather than imported
 * from shared/api.ts and shared/templates.ts, whose runtime pulls zod and Yjs into the very
 * first chunk; the checks below fail the build if the shared lists grow without these.
 */
import type { Language } from '../../../shared/api.ts';
import type { Template } from '../../../shared/templates.ts';

export const LANGUAGE_OPTIONS = ['en', 'fi'] as const satisfies readonly Language[];
export const TEMPLATE_OPTIONS = [
  'blank',
  'customer-journey',
  'concept-canvas',
  'idea-mill',
  'retrospective',
] as const satisfies readonly Template[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const languagesComplete: Exhaustive<Language, (typeof LANGUAGE_OPTIONS)[number]> = true;
const templatesComplete: Exhaustive<Template, (typeof TEMPLATE_OPTIONS)[number]> = true;
export const OPTIONS_COMPLETE = languagesComplete && templatesComplete;
