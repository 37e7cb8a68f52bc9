/**
 * Putting user text into Markdown so it stays text: a note cannot close a table cell, start a
 * heading, emphasise, link, or smuggle in HTML. Backslash escapes work for every ASCII
 * punctuation character in CommonMark and GFM, so escaping is enough; nothing is removed.
 * Web and e-mail addresses are the exception: renderers that link bare addresses (GFM, VS
 * Code's preview) keep the backslashes of an escaped one in the link, or link only the part
 * after an escaped `_`, so each is written as a CommonMark autolink instead, `<…>`, whose
 * content is taken literally everywhere.
 */

/**
 * Characters that mean something anywhere in a line (`|` splits a GFM table cell, `&` starts
 * an entity: `&lt;` would show as `<`).
 */
const INLINE = /[\\`*_#<>[\]|~&]/g;

/**
 * An http(s) or mailto address, or an e-mail address. An autolink cannot hold a space, `<` or
 * `>`; `|` and `` ` `` end one too, so that a table cell or code span never splits it. An
 * e-mail address is tried only from the start of a run of the characters it may begin with:
 * tried from every one of them, a note of 100,000 letters took the report 14 s (each try ran
 * to the run's end), and held the server for everyone meanwhile.
 */
const ADDRESS =
  /\b(?:https?:\/\/|mailto:)[^\s<>|`]+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

const BARE_SCHEME = /^(?:https?:\/\/|mailto:)$/;

/** Punctuation that ends a sentence rather than the address ("see https://x.fi/a."). */
const TRAILING = new Set('.,:;!?\'"*_~');

/**
 * The address without what follows it in the sentence; a `)` it opened stays. By counting, not
 * by a pattern anchored at the end: `/[.,]+$/` tried from every dot of a long run of them
 * (a note of "http://x" and 100,000 dots took the report 18 s).
 */
function addressPart(match: string): string {
  let end = withoutTrailing(match, match.length);
  let unopened = count(match, ')', end) - count(match, '(', end);
  while (end > 0 && match[end - 1] === ')' && unopened > 0) {
    unopened -= 1;
    end = withoutTrailing(match, end - 1);
  }
  return match.slice(0, end);
}

/** Where `text` ends before `end` without the sentence's punctuation there. */
function withoutTrailing(text: string, end: number): number {
  let at = end;
  while (at > 0 && TRAILING.has(text[at - 1] ?? '')) at -= 1;
  return at;
}

/** How many times `char` occurs in `text` before `end`. */
function count(text: string, char: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1 && at < end; at = text.indexOf(char, at + 1)) n++;
  return n;
}

function escapeText(text: string): string {
  return text.replace(INLINE, '\\$&');
}

function escapeLine(line: string): string {
  let out = '';
  let from = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const address = addressPart(match[0]);
    if (BARE_SCHEME.test(address)) continue;
    out += `${escapeText(line.slice(from, match.index))}<${address}>`;
    from = match.index + address.length;
  }
  out += escapeText(line.slice(from));
  // These start a list, a setext underline or an ordered list only at the start of a line.
  return out.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text for a heading or a table cell: one line, every special character escaped. */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * Text that may span lines, for a list item: each line escaped, leading spaces dropped (four
 * would start a code block), blank lines dropped (they would end the list item), lines joined
 * with a hard break and indented so they stay inside the item.
 */
export function mdBlock(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(escapeLine)
    .join(`  \n${indent}`);
}

/** A GFM table; cells must already be escaped with mdInline. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
