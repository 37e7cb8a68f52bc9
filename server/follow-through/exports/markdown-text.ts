/**
 * Putting user text into Markdown so it stays text: a note cannot close a table cell, start a
 * heading, emphasise, link, or smuggle in HTML. Backslash escapes work for every ASCII
 * punctuation character in CommonMark and GFM, so escaping is enough; nothing is removed.
 */

/**
 * Characters that mean something anywhere in a line (`|` splits a GFM table cell, `&` starts
 * an entity: `&lt;` would show as `<`).
 */
const INLINE = /[\\`*_#<>[\]|~&]/g;

function escapeLine(line: string): string {
  return (
    line
      .replace(INLINE, '\\$&')
      // These start a list, a setext underline or an ordered list only at the start of a line.
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
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
