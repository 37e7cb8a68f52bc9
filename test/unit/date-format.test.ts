/** Dates in the page's language (client/src/workshop/format.ts): a Finnish page reads 1.2.2027. */
import { describe, expect, it } from 'vitest';
import { dateFormat } from '../../client/src/workshop/format.ts';

describe("a follow-up's due day, in the page's language", () => {
  it('is written as the language writes a date, not as YYYY-MM-DD', () => {
    expect(dateFormat('fi-FI').day('2027-02-01')).toBe('1.2.2027');
    expect(dateFormat('en-GB').day('2027-02-01')).toBe('1 Feb 2027');
  });

  it('is the same day wherever the reader is (a day, not a moment)', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        expect(dateFormat('fi-FI').day('2026-12-31')).toBe('31.12.2026');
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('gives a moment later today as its time, and one tomorrow with its date (QA, time)', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Helsinki';
      const now = Date.parse('2027-03-15T10:00:00+02:00');
      const format = dateFormat('en-GB');
      expect(format.soon('2027-03-15T18:30:00+02:00', now)).toBe('18:30');
      expect(format.soon('2027-03-16T09:30:00+02:00', now)).toBe('16 Mar 2027, 09:30');
    } finally {
      process.env.TZ = before;
    }
  });

  it('keeps a year below 100 as it is, not in the 1900s (QA)', () => {
    expect(dateFormat('en-GB').day('0027-03-15')).toBe('15 Mar 27');
  });

  it('shows what it cannot read as it is', () => {
    expect(dateFormat('fi-FI').day('someday')).toBe('someday');
  });
});
