/**
 * A facilitator puts the board in another language: its exports' words, and its template's
 * labels where nobody changed them (a journey's stages and lanes), for everyone at once. A day's
 * team boards are made in one language together, and an English-speaking team had worked and
 * reported in Finnish with no way to change it (QA). Each person's own screen keeps the language
 * they chose in the header.
 */
import { useId, useState } from 'react';
import { LANGUAGES, type Language } from '../../../shared/api.ts';
import { useT } from '../i18n/i18n.tsx';
import { useBusy } from './use-busy.ts';
import { useWorkshopStore, useWorkshopView } from './use-workshop.ts';

export function BoardLanguage() {
  const t = useT();
  const store = useWorkshopStore();
  const language = useWorkshopView((state) => state.language, Object.is);
  const [chosen, setChosen] = useState<Language | null>(null);
  const [busy, run] = useBusy();
  const id = useId();
  const shown = chosen ?? language;
  return (
    <section className="wk-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t.workshop.languageSection}</h3>
      <p className="wk-muted" id={`${id}-hint`}>
        {t.workshop.languageHint}
      </p>
      <form
        className="wk-field-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (shown === language || busy) return;
          void run(async () => {
            if (await store.admin.setLanguage(shown)) setChosen(null);
          });
        }}
      >
        <label>
          {t.workshop.boardLanguage}
          <select
            value={shown}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setChosen(event.currentTarget.value as Language)}
          >
            {LANGUAGES.map((option) => (
              <option key={option} value={option}>
                {t.app.languageNames[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" aria-disabled={busy || shown === language}>
          {t.workshop.changeLanguage}
        </button>
      </form>
    </section>
  );
}
