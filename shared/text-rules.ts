/**
 * The rules for text people type into the API: lengths as API.md counts them, and names and
 * titles on one line with nothing hidden in them.
 */
import { z } from 'zod';

/**
 * At most `max` UTF-16 code units, as API.md's "Lengths" counts and a browser's maxlength does
 * (an emoji is two): zod's own `max` counts code points, which took 60 emoji as a 60-character
 * name, 120 units long (operator QA). For `.refine(...atMost(n))`.
 */
export function atMost(max: number) {
  return [
    (text: string) => text.length <= max,
    `Too long: at most ${max} characters (an emoji counts as two)`,
  ] as const;
}

/**
 * Control and format characters that would let a name break a line, run right to left over
 * what follows it ("Fran restored…" in everyone's notice), or show as nothing at all; the
 * joiners of emoji and of some scripts (U+200C, U+200D) stay.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const KEEP = new Set(['\u200c', '\u200d']);
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Tag characters are format characters too, but after 🏴 they spell a region's flag (Scotland's,
 * Wales's, England's): there they stay, and anywhere else they go (QA: "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Callum" became a
 * black flag). Each is two UTF-16 units, as 🏴 is.
 */
function spellsAFlag(name: string, at: number): boolean {
  const before = name.codePointAt(at - 2) ?? 0;
  return before === 0x1f3f4 || (before >= 0xe0020 && before <= 0xe007f);
}
const isTag = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xe0020 && code <= 0xe007f;
};

/**
 * Text people will see on one line (a member's name, a board's title): nothing hidden in it, no
 * tab or line break (QA: a title pasted from a spreadsheet kept its tab, which moved every link
 * of the copied team table one column over), something to see. In one Unicode form (NFC), so
 * that "José" typed with a combining accent is the same name as José typed whole (QA: two
 * identical-looking members, counted as two people in the report).
 */
export function oneLineText(what: string, max: number) {
  return z
    .string()
    .transform((text) =>
      text
        .normalize('NFC')
        .replace(HIDDEN, (char, at: number, whole: string) =>
          KEEP.has(char) || (isTag(char) && spellsAFlag(whole, at))
            ? char
            : /\s/.test(char)
              ? ' '
              : '',
        )
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(
      z
        .string()
        .min(1, `${what} must not be empty`)
        .refine(...atMost(max))
        .refine((text) => VISIBLE.test(text), `${what} must have a letter, digit or sign in it`),
    );
}
