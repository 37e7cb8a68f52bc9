/**
 * Where the caret goes as a frame's or concept card's title opens for writing. Pure: the title
 * and the titles items are made with in, a choice out.
 */
import { NEW_CONCEPT_TITLE } from '../../../../shared/board-document.ts';
import { canvas as en } from '../../i18n/en/canvas.ts';
import { canvas as fi } from '../../i18n/fi/canvas.ts';

/** The titles the frame and concept tools and the templates give, in every UI language. */
const MADE_AS: ReadonlySet<string> = new Set([
  ...Object.values(NEW_CONCEPT_TITLE),
  en.newFrame,
  fi.newFrame,
]);

/**
 * Whether the title opens with all of it selected, ready to be typed over: only while it is
 * still what the item was made with ("New service concept", "Frame"), or empty. A name someone
 * gave opens with the caret at its end: Enter on a card in focus after voting opened its name
 * all selected, and one more key replaced a shared concept's name for everyone (QA).
 */
export function selectsWholeTitle(title: string, madeAs: ReadonlySet<string> = MADE_AS): boolean {
  const trimmed = title.trim();
  return trimmed === '' || madeAs.has(trimmed);
}
