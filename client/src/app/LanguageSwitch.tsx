/** The UI language switch (fi / en), remembered by the language provider. */
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { LANGUAGE_OPTIONS } from './options.ts';

export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="segmented language-switch" data-testid="language-switch">
      <legend className="visually-hidden">{t.app.language}</legend>
      {LANGUAGE_OPTIONS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          title={t.app.languageNames[option]}
          onClick={() => setLanguage(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
