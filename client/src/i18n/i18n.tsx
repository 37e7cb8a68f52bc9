/**
 * UI language: chosen from the browser on first visit, switchable, remembered. Components
 * read text only through useT(); catalogues live in en/ and fi/, one file per area.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Language } from '../../../shared/api.ts';
import { readStored, writeStored } from '../app/storage.ts';
import { type Catalogue, en } from './en/index.ts';
import { fi } from './fi/index.ts';

const CATALOGUES: Record<Language, Catalogue> = { en, fi };
const STORAGE_KEY = 'ideamill.language';

export function initialLanguage(): Language {
  const stored = readStored(STORAGE_KEY);
  if (stored === 'en' || stored === 'fi') return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((tag) => tag.toLowerCase().startsWith('fi')) ? 'fi' : 'en';
}

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Catalogue;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<LanguageContextValue>(
    () => ({
      language,
      t: CATALOGUES[language],
      setLanguage: (next) => {
        writeStored(STORAGE_KEY, next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

function useLanguageContext(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useT() needs a <LanguageProvider> above it');
  return value;
}

/** The catalogue of the current language: `t.app.createBoard`, `t.canvas.zoomPercent(120)`. */
export function useT(): Catalogue {
  return useLanguageContext().t;
}

/**
 * Compares names as the page's language sorts them (Finnish puts Å, Ä and Ö after Z), not as the
 * browser's would: a Finnish page in an English browser sorted Åsa beside Anna (QA).
 */
export function useNameOrder(): (a: string, b: string) => number {
  const { language } = useLanguageContext();
  return useMemo(() => new Intl.Collator(language).compare, [language]);
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useLanguageContext();
  return [language, setLanguage];
}
