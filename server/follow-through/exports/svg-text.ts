/**
 * The SVG export's safety and text helpers: every string that reaches the markup goes through
 * xml(), every colour through safeColor(), so board content can only ever be text and fills.
 */

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

/**
 * Splits text into at most `maxLines` lines of at most `maxChars` characters, at spaces where
 * it can and inside a word where it must; the last line ends in "…" when text was cut.
 * Counts code points, so an emoji is never split in half.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  // Once a line past the last one that shows has text, the rest cannot change what is kept:
  // stopping there keeps a huge note (one long word, say) as cheap as a short one.
  const full = () => lines.length > maxLines && lines[lines.length - 1] !== '';
  paragraphs: for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line: string[] = [];
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w.length > 0)) {
      // Only the first lines of a word can show (a code point is at most two UTF-16 units).
      const chars = [...word.slice(0, 2 * width * (maxLines + 1))];
      if (line.length > 0 && line.length + 1 + chars.length <= width) {
        line.push(' ', ...chars);
        continue;
      }
      if (line.length > 0) lines.push(line.join(''));
      let start = 0;
      for (; chars.length - start > width; start += width) {
        if (full()) break paragraphs;
        lines.push(chars.slice(start, start + width).join(''));
      }
      if (full()) break paragraphs;
      line = chars.slice(start);
    }
    lines.push(line.join(''));
    if (full()) break;
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length > 0) {
    const last = [...(kept[kept.length - 1] ?? '')].slice(0, width - 1).join('');
    kept[kept.length - 1] = `${last.trimEnd()}…`;
  }
  return kept;
}
