/**
 * How wide a piece of text is drawn, guessed without fonts: the SVG export has to break its lines
 * itself, and the file is opened wherever with whatever fonts are there. Widths are in ems of the
 * text's font size; the unit of measure is the grapheme (what a reader sees as one character), so
 * nothing measured or cut here ever splits a flag, an emoji sequence or a letter from its accents.
 * Bold text (titles, field labels) is measured by a bold face's widths.
 */
import { DEJAVU_SANS, DEJAVU_SANS_BOLD, type Ranges } from './dejavu-widths.ts';

/** How heavy text is set: the SVG export sets frame and card titles and field labels in bold. */
export type Weight = 'normal' | 'bold';

/**
 * A letter, digit or space outside DejaVu Sans's tables (dejavu-widths.ts says which blocks they
 * hold), such as Arabic, Indic or Ethiopic letters: about the average advance of DejaVu Sans's
 * Latin, Greek and Cyrillic.
 */
export const NARROW = 0.55;
/** The same in bold: DejaVu Sans Bold is 12% wider than DejaVu Sans across those alphabets. */
const BOLD_NARROW = NARROW * 1.12;
/** CJK ideographs, kana, hangul and fullwidth forms are set on a square em. */
const WIDE = 1;
/** Colour emoji fonts draw wider than the em (Noto Color Emoji's advance is 1.25 em). */
export const EMOJI = 1.25;

function widthsOf(ranges: Ranges): ReadonlyMap<string, number> {
  return new Map(
    ranges.flatMap(([from, widths]) =>
      widths.map((width, i) => [String.fromCharCode(from + i), width / 1000] as const),
    ),
  );
}

const FACES: Record<Weight, { widths: ReadonlyMap<string, number>; otherwise: number }> = {
  normal: { widths: widthsOf(DEJAVU_SANS), otherwise: NARROW },
  bold: { widths: widthsOf(DEJAVU_SANS_BOLD), otherwise: BOLD_NARROW },
};

/**
 * Code points that are always a grapheme of their own beside one another (Latin, Vietnamese too,
 * Greek, polytonic too, Cyrillic, Armenian, Hebrew letters, Georgian, general punctuation, the
 * symbols from letterlike ones to dingbats, CJK ideographs, kana, hangul syllables): most boards'
 * text, which need not pay for Intl.Segmenter (through it, a Vietnamese note took ten times as
 * long to wrap as a Finnish one, 0.25 ms; now under twice). Everything that could join a
 * neighbour (combining marks such as Hebrew's points, joiners, emoji modifiers and selectors,
 * jamo, regional indicators, CR and LF) is outside these ranges; a unit test checks them against
 * ICU.
 */
const SIMPLE_CHARS =
  '\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u02FF\\u0370-\\u0482\\u048A-\\u058F\\u05D0-\\u05F4\\u10A0-\\u10FF' +
  '\\u1E00-\\u1FFF\\u2010-\\u2027\\u2030-\\u205E\\u2100-\\u27BF' +
  '\\u3000-\\u3029\\u3030-\\u3098\\u309B-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\uFF01-\\uFF9D';
const SIMPLE = new RegExp(`^[${SIMPLE_CHARS}]*$`);
/**
 * Text that adds to those only Thai and marks that join the character before them (combining
 * accents, Thai vowel and tone marks), which a regular expression splits as ICU does (the same
 * unit test checks): Thai notes, and accents typed apart, need not pay for the segmenter either.
 */
const MARKS = '\\u0300-\\u036F\\u0E31\\u0E33-\\u0E3A\\u0E47-\\u0E4E';
const BASES = `${SIMPLE_CHARS}\\u0E01-\\u0E30\\u0E32\\u0E3F-\\u0E46\\u0E4F-\\u0E5B`;
const MARKED = new RegExp(`^[${BASES}${MARKS}]*$`);
const MARKED_GRAPHEME = new RegExp(`[${BASES}][${MARKS}]*|[${MARKS}]+`, 'y');
/** A stretch that needs the segmenter: other characters, and single simple ones among them. */
const COMPLEX = new RegExp(`[^${SIMPLE_CHARS}](?:[${SIMPLE_CHARS}]?[^${SIMPLE_CHARS}])*`, 'gu');

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The text's graphemes, in order. Lazy, so a caller may stop early in a huge text. */
export function graphemes(text: string): Iterable<string> {
  if (SIMPLE.test(text)) return text;
  return MARKED.test(text) ? markedGraphemes(text) : mixedGraphemes(text);
}

function* markedGraphemes(text: string): Generator<string> {
  const grapheme = new RegExp(MARKED_GRAPHEME);
  for (let match = grapheme.exec(text); match; match = grapheme.exec(text)) yield match[0];
}

/**
 * Only the stretches that need it go through the segmenter, each with the character on either
 * side (a letter an accent sits on, a digit after an Arabic number sign): one simple character
 * further out cannot join in.
 */
function* mixedGraphemes(text: string): Generator<string> {
  let done = 0;
  for (const match of text.matchAll(COMPLEX)) {
    const start = Math.max(done, match.index - 1);
    for (; done < start; done++) yield text[done] ?? '';
    const end = Math.min(text.length, match.index + match[0].length + 1);
    for (const { segment } of segmentsOf(SEGMENTER, text.slice(start, end))) yield segment;
    done = end;
  }
  for (; done < text.length; done++) yield text[done] ?? '';
}

/**
 * V8's Intl.Segmenter takes time in the square of a text's length (64,000 emoji: 13 s), so it
 * reads a long text in windows of this many code units.
 */
const WINDOW = 512;

/**
 * What `segmenter.segment(text)` gives, read a window at a time. The segments at a window's end
 * may read differently with what follows (one may go on past the end, a word's boundary looks two
 * characters ahead), so the last two are read again at the start of the next window. A window
 * starts only where a segment does, so the rules that look back (flag pairs, emoji sequences)
 * read as in the whole text. Word segments of Thai may still fall a little differently at a
 * window's seam; they are still words.
 */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string): Generator<Intl.SegmentData> {
  let from = 0;
  let size = WINDOW;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    // Never half a surrogate pair: the character after a boundary decides it.
    if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1] ?? '')) to--;
    const held: Intl.SegmentData[] = [];
    for (const data of segmenter.segment(text.slice(from, to))) {
      held.push({ ...data, index: from + data.index, input: text });
      if (held.length > 2) yield held.shift() as Intl.SegmentData;
    }
    if (to === text.length) {
      yield* held;
      return;
    }
    const again = held[0]?.index ?? from;
    // One or two segments longer than the window (a letter under a thousand accents): look further.
    if (again === from) size *= 2;
    else {
      from = again;
      size = WINDOW;
    }
  }
}

/** Emoji drawn in colour: presentation emoji, anything with VS16, flags, keycaps. */
const EMOJI_GRAPHEME = /\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}|\u20E3/u;

/** East Asian Wide and Fullwidth characters (UAX #11), by the grapheme's first code point. */
const WIDE_GRAPHEME =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1B000}-\u{1B2FF}\u{20000}-\u{3FFFD}]/u;

/** Accents, vowel signs that sit on their letter, joiners and selectors: drawn in no space. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * Whether a grapheme is CJK or an emoji, set on a square em or wider: a line may break beside it,
 * as CJK is written without spaces. Not a letter that merely draws an em wide ("Ж", "Ю", "W").
 */
export function isWide(grapheme: string): boolean {
  if (grapheme.length === 1 && grapheme.charCodeAt(0) < 0x1100) return false;
  return EMOJI_GRAPHEME.test(grapheme) || WIDE_GRAPHEME.test(grapheme);
}

/** How wide one grapheme is drawn, in ems, in text of the given weight. */
export function graphemeWidth(grapheme: string, weight: Weight = 'normal'): number {
  // Nothing below U+1100 is wide or an emoji on its own: most text stops here.
  if (grapheme.length === 1 && grapheme.charCodeAt(0) < 0x1100) return narrow(grapheme, weight);
  if (EMOJI_GRAPHEME.test(grapheme)) return EMOJI;
  if (WIDE_GRAPHEME.test(grapheme)) return WIDE;
  // A cluster of several letters (a Devanagari conjunct, a vowel sign that takes its own space,
  // a letter with its accent typed apart) is as wide as its visible parts.
  let width = 0;
  for (const char of grapheme) if (!ZERO_WIDTH.test(char)) width += narrow(char, weight);
  return width;
}

/**
 * A character that is neither wide nor an emoji: by DejaVu Sans's widths where known. A mark or
 * format character is drawn in no space even where it is a grapheme of its own (an accent typed
 * at a line's start, a Hebrew point or a bidi mark on its own), as DejaVu's are.
 */
function narrow(char: string, weight: Weight): number {
  const face = FACES[weight];
  return face.widths.get(char) ?? (ZERO_WIDTH.test(char) ? 0 : face.otherwise);
}

/** How wide a line of text is drawn, in ems, in the given weight. */
export function textWidth(text: string, weight: Weight = 'normal'): number {
  let width = 0;
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme, weight);
  return width;
}
