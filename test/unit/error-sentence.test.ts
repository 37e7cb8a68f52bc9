/**
 * Every refusal the server can send reads as a sentence in the page's language, never as the
 * server's English message; a rate limit says how long to wait when the page knows.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/app/api.ts';
import { en } from '../../client/src/i18n/en/index.ts';
import { errorSentence, failureOf } from '../../client/src/i18n/error-sentence.ts';
import { fi } from '../../client/src/i18n/fi/index.ts';
import { ERROR_STATUS } from '../../shared/errors.ts';

const CODES = Object.keys(ERROR_STATUS);

describe('error sentences', () => {
  it.each([
    ['en', en],
    ['fi', fi],
  ] as const)('every code the server sends has a sentence of its own in %s', (_, t) => {
    for (const code of CODES) {
      const sentence = errorSentence(t, { code });
      expect(sentence, code).toMatch(/\S/);
      if (code !== 'http_error') expect(sentence, code).not.toBe(t.errors.http_error);
    }
  });

  it('a Finnish page says every code in Finnish', () => {
    for (const code of CODES) {
      expect(errorSentence(fi, { code }), code).not.toBe(errorSentence(en, { code }));
    }
  });

  it('a rate limit says how long to wait, when the server said', () => {
    const limited = new ApiError(429, 'rate_limited', 'Too many attempts; try again in 30 s.', 30);
    expect(errorSentence(fi, failureOf(limited))).toBe(
      'Liian monta yritystä. Odota 30 sekuntia ja yritä uudelleen.',
    );
    expect(errorSentence(en, failureOf(new ApiError(429, 'rate_limited', '', 120)))).toBe(
      'Too many attempts. Wait 2 minutes and try again.',
    );
    expect(errorSentence(en, { code: 'rate_limited' })).toBe(
      'Too many attempts. Wait a moment and try again.',
    );
  });

  it('a code the page does not know, or no answer at all, still reads in the page’s language', () => {
    const newer = new ApiError(418, 'teapot', 'I am a teapot.');
    expect(errorSentence(fi, failureOf(newer))).toBe(fi.errors.http_error);
    expect(errorSentence(fi, { code: 'toString' })).toBe(fi.errors.http_error);
    expect(errorSentence(fi, failureOf(new TypeError('Failed to fetch')))).toBe(
      fi.errors.unreachable,
    );
  });
});
