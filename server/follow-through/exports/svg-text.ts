/**
 * The SVG export's safety and text helpers: every string that reaches the markup goes through
 * xml(), every colour through safeColor(), so board content can only ever be text and fills;
 * wrapText() (fitText(), which also tells when text was cut) breaks text into the lines a box
 * has room for, measured by text-width.ts.
 */
import {
  graphemes,
  graphemeWidth,
  isWide,
  segmentsOf,
  textWidth,
  type Weight,
} from './text-width.ts';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates). A Y.Text can hold them; left in, one would make the whole file unreadable.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what we remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe both as element content and inside a double- or single-quoted attribute. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Coordinates beyond this are drawn at it: SVG viewers take no Infinity, and see no further. */
const FARTHEST = 1e9;

/** A short number for coordinates: two decimals at most, never NaN or Infinity, never "-0". */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const near = Math.max(-FARTHEST, Math.min(FARTHEST, value));
  const rounded = Math.round(near * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** CSS names a client might plausibly write, as hex so contrast can be computed. */
const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  gray: '#808080',
  grey: '#808080',
  red: '#ff0000',
  orange: '#ffa500',
  yellow: '#ffff00',
  green: '#008000',
  blue: '#0000ff',
  purple: '#800080',
  pink: '#ffc0cb',
  brown: '#a52a2a',
};

/**
 * A colour we can put in an attribute: #rgb, #rrggbb or one of a few CSS names, as #rrggbb.
 * Anything else (rgb(), url(), a quote, an expression) becomes the fallback.
 */
export function safeColor(value: string, fallback: string): string {
  const color = value.trim().toLowerCase();
  const named = NAMED_COLORS[color];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/.test(color)) return color;
  if (/^#[0-9a-f]{3}$/.test(color)) {
    return `#${[...color.slice(1)].map((digit) => digit + digit).join('')}`;
  }
  return fallback;
}

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Dark text on light fills, white text on dark ones. */
export function textColorOn(fill: string): string {
  return luminance(fill) > 0.18 ? '#1f2328' : '#ffffff';
}

const ELLIPSIS = '…';
/** A line fits when its measured width is within the room, give or take float rounding. */
const ROUNDING = 1e-6;

/**
 * Kinsoku: a line may not begin with closing brackets, stops and commas, the long-vowel mark or
 * an iteration mark, nor end with an opening bracket. They stay with the character beside them,
 * which goes down to the next line with them when the line is full, so no line runs long.
 */
const NO_LINE_START = new Set([
  ...'、。，．・：；！？）］｝」』】〕〉》〙〗｣ー々ゝゞヽヾ…‥,.:;!?)]}”’%',
]);
const NO_LINE_END = new Set([...'（［｛「『【〔〈《〘〖｢([{“‘']);

/** Scripts written without spaces between words: a line breaks there between two words. */
const UNSPACED = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
/** A line may break here and shows nothing; also how wrapText marks Thai word boundaries. */
const ZWSP = '\u200B';

/** The paragraph's graphemes, with a zero-width space between two words of a Thai (Lao, …) run. */
function breakable(paragraph: string): Iterable<string> {
  return UNSPACED.test(paragraph) ? wordsApart(paragraph) : graphemes(paragraph);
}

/** Graphemes and word boundaries read side by side: a boundary inside a grapheme is no break. */
function* wordsApart(paragraph: string): Generator<string> {
  const clusters = graphemes(paragraph)[Symbol.iterator]();
  let at = 0;
  let wordBefore = false;
  // Both segmenters are lazy: a huge paragraph is read only as far as the lines that show.
  for (const { index, segment, isWordLike = false } of segmentsOf(WORDS, paragraph)) {
    if (wordBefore && isWordLike && at === index) yield ZWSP;
    for (const end = index + segment.length; at < end; ) {
      const next = clusters.next();
      if (next.done) return;
      yield next.value;
      at += next.value.length;
    }
    wordBefore = isWordLike;
  }
}

/**
 * Whether a line may break between two graphemes with nothing between them: beside a wide
 * character (CJK is written without spaces, and a row of emoji or flags has none either), unless
 * kinsoku keeps them together.
 */
function mayBreak(before: string, beforeWide: boolean, after: string, afterWide: boolean): boolean {
  if (before === '' || NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  return beforeWide || afterWide;
}

/**
 * Splits text into at most `maxLines` lines no wider than `room` ems, by measured width
 * (text-width.ts): at spaces, beside CJK characters and emoji and between Thai words where it
 * can, between graphemes where a word is wider than a line; the last line ends in "…" when text
 * was cut. Never splits a grapheme, so a flag, an emoji sequence or an accented letter stays whole.
 * Bold text is measured in bold: it is wider.
 */
export function wrapText(
  text: string,
  room: number,
  maxLines: number,
  weight: Weight = 'normal',
): string[] {
  return fitText(text, room, maxLines, weight).lines;
}

/** wrapText's lines, and whether text was left out of them (so the whole can be kept aside). */
export function fitText(
  text: string,
  room: number,
  maxLines: number,
  weight: Weight = 'normal',
): { lines: string[]; cut: boolean } {
  const space = graphemeWidth(' ', weight);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  // What may not be broken: a word, or a wide character with the punctuation that sticks to it.
  let word = '';
  let wordWidth = 0;
  // Whether a space comes between `line` and `word`.
  let spaced = false;
  let cut = false;
  const endLine = () => {
    lines.push(line);
    line = '';
    lineWidth = 0;
  };
  const placeWord = () => {
    if (word === '') return;
    const gap = line !== '' && spaced ? space : 0;
    if (line !== '' && lineWidth + gap + wordWidth > room + ROUNDING) endLine();
    else if (gap > 0) {
      line += ' ';
      lineWidth += gap;
    }
    line += word;
    lineWidth += wordWidth;
    word = '';
    wordWidth = 0;
    spaced = false;
  };
  paragraphs: for (const paragraph of text.split(/\r\n|\r|\n/)) {
    // The grapheme just before, when no space or break opportunity lies between.
    let before = '';
    let beforeWide = false;
    for (const grapheme of breakable(paragraph)) {
      if (grapheme === ' ' || grapheme === '\t' || grapheme === ZWSP) {
        placeWord();
        if (grapheme !== ZWSP) spaced = true;
        before = '';
        continue;
      }
      // Anything more lands below the last line that shows: stopping here keeps a huge note
      // (one long word, say) as cheap as a short one.
      if (lines.length >= maxLines) {
        cut = true;
        break paragraphs;
      }
      const width = graphemeWidth(grapheme, weight);
      // CJK and emoji, not a letter as wide: "Ж", a bold "m" or "W" is no place to break a word.
      const wide = isWide(grapheme);
      if (mayBreak(before, beforeWide, grapheme, wide)) placeWord();
      if (word !== '' && wordWidth + width > room + ROUNDING) {
        // Wider than a whole line: it gets lines of its own, broken between graphemes.
        if (line !== '') endLine();
        line = word;
        endLine();
        word = '';
        wordWidth = 0;
        spaced = false;
      }
      word += grapheme;
      wordWidth += width;
      before = grapheme;
      beforeWide = wide;
    }
    placeWord();
    endLine();
    spaced = false;
  }
  if (!cut) {
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length <= maxLines) return { lines, cut: false };
  }
  const kept = lines.slice(0, Math.max(0, maxLines));
  const last = kept.pop();
  if (last !== undefined) kept.push(withEllipsis(last, room, weight));
  return { lines: kept, cut: true };
}

/** The line, shortened by whole graphemes until "…" fits after it. */
function withEllipsis(line: string, room: number, weight: Weight): string {
  const kept = [...graphemes(line)];
  let width = textWidth(line, weight);
  const ellipsis = graphemeWidth(ELLIPSIS, weight);
  while (kept.length > 0 && width + ellipsis > room + ROUNDING) {
    width -= graphemeWidth(kept.pop() ?? '', weight);
  }
  return `${kept.join('').trimEnd()}${ELLIPSIS}`;
}
