/** Dates and times in the UI's language, not the browser's: a Finnish page reads 23.11.2026. */
import { useLanguage } from '../i18n/i18n.tsx';

export interface DateFormat {
  dateTime(iso: string): string;
  time(iso: string): string;
  /** A calendar day, YYYY-MM-DD (a follow-up's due date): the same day wherever one is. */
  day(ymd: string): string;
}

export function useDateFormat(): DateFormat {
  const [language] = useLanguage();
  return dateFormat(language === 'fi' ? 'fi-FI' : 'en-GB');
}

export function dateFormat(locale: string): DateFormat {
  return {
    day: (ymd) => {
      const [year, month, day] = ymd.split('-').map(Number);
      const at = Date.UTC(year ?? Number.NaN, (month ?? Number.NaN) - 1, day ?? Number.NaN);
      if (Number.isNaN(at)) return ymd;
      return new Date(at).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    },
    dateTime: (iso) =>
      new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (iso) => new Date(iso).toLocaleTimeString(locale, { timeStyle: 'short' }),
  };
}
