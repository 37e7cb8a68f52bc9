/** The UI language switch (fi / en), remembered by the language provider. */
import { LANGUAGES } from '../../../shared/api.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="segmented language-switch" data-testid="language-switch">
      <legend className="visually-hidden">{t.app.language}</legend>
      {LANGUAGES.map((option) => (
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
