/**
 * How wide a piece of text is drawn, guessed without fonts: the SVG export has to break its lines
 * itself, and the file is opened wherever with whatever fonts are there. Widths are in ems of the
 * text's font size; the unit of measure is the grapheme (what a reader sees as one character), so
 * nothing measured or cut here ever splits a flag, an emoji sequence or a letter from its accents.
 * Bold text (titles, field labels) is measured by a bold face's widths.
 */

/** How heavy text is set: the SVG export sets frame and card titles and field labels in bold. */
export type Weight = 'normal' | 'bold';

/**
 * A letter, digit or space outside the tables below (Greek, Armenian, Georgian, Indic letters…):
 * about the average advance of DejaVu Sans's Latin, Greek and Cyrillic.
 */
export const NARROW = 0.55;
/** The same in bold: DejaVu Sans Bold is 12% wider than DejaVu Sans across those alphabets. */
const BOLD_NARROW = NARROW * 1.12;
/** CJK ideographs, kana, hangul and fullwidth forms are set on a square em. */
export const WIDE = 1;
/** Colour emoji fonts draw wider than the em (Noto Color Emoji's advance is 1.25 em). */
export const EMOJI = 1.25;

type Ranges = readonly (readonly [from: number, widths: readonly number[]])[];

/*
 * DejaVu Sans's and DejaVu Sans Bold's advance widths, in thousandths of an em rounded up, one a
 * code point from each range's first. It is what sans-serif is drawn in where fontconfig chooses
 * (the picture asks for system-ui, then sans-serif), and among the widest sans-serifs, so a line
 * that fits by these widths should fit the faces other systems draw it in. With one average for
 * every letter, bold titles ran 10 px and more past their frame or card, and notes in capitals
 * or Cyrillic past their note (QA). Read from each font's cmap and hmtx tables, as with fontTools
 * (the soft hyphen then set to 0, as browsers draw it):
 *   f = TTFont('DejaVuSans-Bold.ttf'); m = f.getBestCmap()
 *   [-(-f['hmtx'][m[c]][0] * 1000 // f['head'].unitsPerEm) for c in range(0x20, 0x7F)]
 * A browser test checks each width against what Chromium draws.
 */
const REGULAR_RANGES: Ranges = [
  // Basic Latin, U+0020 to U+007E.
  [
    0x20,
    [
      318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
      637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 685, 687, 699, 771,
      632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 611, 732, 685, 989,
      686, 611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278,
      580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637,
      838,
    ],
  ],
  // Latin-1 Supplement and Latin Extended-A, U+00A0 to U+017F.
  [
    0xa0,
    [
      318, 401, 637, 637, 637, 637, 337, 500, 500, 1000, 472, 612, 838, 0, 1000, 500, 500, 838, 401,
      401, 500, 637, 637, 318, 500, 401, 472, 612, 970, 970, 970, 531, 685, 685, 685, 685, 685, 685,
      975, 699, 632, 632, 632, 632, 295, 295, 295, 295, 775, 749, 788, 788, 788, 788, 788, 838, 788,
      732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 616, 616, 616, 616,
      278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635,
      592, 685, 613, 685, 613, 685, 613, 699, 550, 699, 550, 699, 550, 699, 550, 771, 635, 775, 635,
      632, 616, 632, 616, 632, 616, 632, 616, 632, 616, 775, 635, 775, 635, 775, 635, 775, 635, 752,
      634, 917, 695, 295, 278, 295, 278, 295, 278, 295, 278, 295, 278, 590, 556, 295, 278, 656, 580,
      580, 558, 278, 558, 278, 558, 375, 558, 342, 563, 285, 749, 634, 749, 634, 749, 634, 814, 749,
      634, 788, 612, 788, 612, 788, 612, 1070, 1023, 695, 412, 695, 412, 695, 412, 635, 521, 635,
      521, 635, 521, 635, 521, 611, 393, 611, 393, 611, 393, 732, 634, 732, 634, 732, 634, 732, 634,
      732, 634, 732, 634, 989, 818, 611, 592, 611, 686, 525, 686, 525, 686, 525, 353,
    ],
  ],
  // Cyrillic, U+0400 to U+045F.
  [
    0x400,
    [
      632, 632, 787, 610, 699, 635, 295, 295, 295, 1094, 1045, 787, 710, 749, 610, 752, 685, 687,
      687, 610, 782, 632, 1078, 642, 749, 749, 710, 752, 863, 752, 788, 752, 604, 699, 611, 610,
      861, 686, 777, 686, 1070, 1094, 833, 883, 687, 699, 1080, 695, 613, 617, 590, 526, 692, 616,
      901, 532, 650, 650, 605, 640, 755, 654, 612, 654, 635, 550, 583, 592, 855, 592, 681, 591, 916,
      942, 707, 790, 590, 549, 842, 602, 616, 616, 625, 526, 549, 521, 278, 278, 278, 903, 899, 652,
      605, 650, 592, 654,
    ],
  ],
  // General Punctuation's dashes, quotes, bullets and "…", U+2010 to U+2027.
  [
    0x2010,
    [
      361, 361, 637, 500, 1000, 1000, 500, 500, 318, 318, 318, 318, 519, 519, 519, 519, 500, 500,
      590, 590, 335, 668, 1000, 318,
    ],
  ],
];
const BOLD_RANGES: Ranges = [
  // Basic Latin, U+0020 to U+007E.
  [
    0x20,
    [
      349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696,
      696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581, 1000, 774, 763, 734,
      831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774,
      1104, 771, 725, 726, 458, 366, 458, 838, 500, 500, 675, 716, 593, 716, 679, 436, 716, 712,
      343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583,
      712, 366, 712, 838,
    ],
  ],
  // Latin-1 Supplement and Latin Extended-A, U+00A0 to U+017F.
  [
    0xa0,
    [
      349, 457, 696, 696, 637, 696, 366, 500, 500, 1000, 564, 646, 838, 0, 1000, 500, 500, 838, 438,
      438, 500, 736, 637, 380, 500, 438, 564, 646, 1036, 1036, 1036, 581, 774, 774, 774, 774, 774,
      774, 1085, 734, 684, 684, 684, 684, 373, 373, 373, 373, 838, 837, 851, 851, 851, 851, 851,
      838, 851, 813, 813, 813, 813, 725, 738, 720, 675, 675, 675, 675, 675, 675, 1048, 593, 679,
      679, 679, 679, 343, 343, 343, 343, 688, 712, 688, 688, 688, 688, 688, 838, 688, 712, 712, 712,
      712, 652, 716, 652, 774, 675, 774, 675, 774, 675, 734, 593, 734, 593, 734, 593, 734, 593, 831,
      716, 838, 716, 684, 679, 684, 679, 684, 679, 684, 679, 684, 679, 821, 716, 821, 716, 821, 716,
      821, 716, 837, 712, 974, 791, 373, 343, 373, 343, 373, 343, 373, 343, 373, 343, 745, 686, 373,
      343, 775, 666, 666, 638, 343, 638, 343, 638, 480, 638, 557, 643, 372, 837, 712, 837, 712, 837,
      712, 983, 837, 712, 851, 688, 851, 688, 851, 688, 1167, 1095, 771, 494, 771, 494, 771, 494,
      721, 596, 721, 596, 721, 596, 721, 596, 683, 479, 683, 479, 683, 479, 813, 712, 813, 712, 813,
      712, 813, 712, 813, 712, 813, 712, 1104, 924, 725, 652, 725, 726, 583, 726, 583, 726, 583,
      436,
    ],
  ],
  // Cyrillic, U+0400 to U+045F.
  [
    0x400,
    [
      684, 684, 879, 638, 734, 721, 373, 373, 373, 1155, 1130, 879, 818, 837, 771, 837, 774, 763,
      763, 638, 891, 684, 1225, 711, 837, 837, 818, 831, 996, 837, 851, 837, 733, 734, 683, 771,
      992, 771, 928, 809, 1236, 1326, 940, 1037, 763, 734, 1174, 771, 675, 699, 633, 523, 808, 679,
      996, 582, 701, 701, 679, 733, 818, 691, 688, 691, 716, 593, 580, 652, 993, 646, 742, 687,
      1063, 1106, 752, 905, 633, 593, 973, 643, 679, 679, 714, 523, 593, 596, 343, 343, 343, 992,
      957, 735, 679, 701, 652, 691,
    ],
  ],
  // General Punctuation's dashes, quotes, bullets and "…", U+2010 to U+2027.
  [
    0x2010,
    [
      416, 416, 696, 500, 1000, 1000, 500, 500, 380, 380, 380, 380, 658, 658, 658, 658, 500, 500,
      640, 640, 334, 667, 1000, 349,
    ],
  ],
];

function widthsOf(ranges: Ranges): ReadonlyMap<string, number> {
  return new Map(
    ranges.flatMap(([from, widths]) =>
      widths.map((width, i) => [String.fromCharCode(from + i), width / 1000] as const),
    ),
  );
}

const FACES: Record<Weight, { widths: ReadonlyMap<string, number>; otherwise: number }> = {
  normal: { widths: widthsOf(REGULAR_RANGES), otherwise: NARROW },
  bold: { widths: widthsOf(BOLD_RANGES), otherwise: BOLD_NARROW },
};

/**
 * Code points that are always a grapheme of their own beside one another (Latin, Greek, Cyrillic,
 * general punctuation, CJK ideographs, kana, hangul syllables): most boards' text, which need not
 * pay for Intl.Segmenter. Everything that could join a neighbour (combining marks, joiners, jamo,
 * regional indicators, CR and LF) is outside these ranges; a unit test checks them against ICU.
 */
const SIMPLE_CHARS =
  '\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u02FF\\u0370-\\u0482\\u048A-\\u052F\\u2010-\\u2027\\u2030-\\u205E' +
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

/** A character that is neither wide nor an emoji: by DejaVu Sans's widths where known. */
function narrow(char: string, weight: Weight): number {
  const face = FACES[weight];
  return face.widths.get(char) ?? face.otherwise;
}

/** How wide a line of text is drawn, in ems, in the given weight. */
export function textWidth(text: string, weight: Weight = 'normal'): number {
  let width = 0;
  for (const grapheme of graphemes(text)) width += graphemeWidth(grapheme, weight);
  return width;
}
