/** Dates and times in the UI's language, not the browser's: a Finnish page reads 23.11.2026. */
import { useLanguage } from '../i18n/i18n.tsx';

export interface DateFormat {
  dateTime(iso: string): string;
  time(iso: string): string;
  /**
   * A moment coming up: its time of day when it is today, else its date and time too (a round
   * open for up to a day may close tomorrow, at a time that has come today already).
   */
  soon(iso: string, now?: number): string;
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
      // Not Date.UTC: it reads the years 0–99 as 1900–1999 (QA: 0027 showed as 1927).
      const at = new Date(0);
      at.setUTCFullYear(year ?? Number.NaN, (month ?? Number.NaN) - 1, day ?? Number.NaN);
      if (Number.isNaN(at.getTime())) return ymd;
      return at.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    },
    dateTime: (iso) =>
      new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (iso) => new Date(iso).toLocaleTimeString(locale, { timeStyle: 'short' }),
    soon: (iso, now = Date.now()) => {
      const at = new Date(iso);
      return at.toDateString() === new Date(now).toDateString()
        ? at.toLocaleTimeString(locale, { timeStyle: 'short' })
        : at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
    },
  };
}

/**
 * A due date as meant: a date field reads a year typed as "27" as the year 0027, which nobody
 * means (QA: "Overdue by 730385 days"), so a year below 100 is taken as this century's.
 */
export function withCentury(ymd: string): string {
  return /^00\d\d-/.test(ymd) ? `20${ymd.slice(2)}` : ymd;
}
