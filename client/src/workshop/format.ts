/** Dates and times in the UI's language, not the browser's: a Finnish page reads 23.11.2026. */
import { useLanguage } from '../i18n/i18n.tsx';

export function useDateFormat(): { dateTime(iso: string): string; time(iso: string): string } {
  const [language] = useLanguage();
  const locale = language === 'fi' ? 'fi-FI' : 'en-GB';
  return {
    dateTime: (iso) =>
      new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (iso) => new Date(iso).toLocaleTimeString(locale, { timeStyle: 'short' }),
  };
}
