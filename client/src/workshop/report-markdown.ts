/**
 * Reads the Markdown the report export writes (server/follow-through/exports/markdown.ts) into
 * blocks and inline runs, so a preview can show it as headings, lists and tables made of React
 * elements: text stays text, nothing goes through innerHTML. Only what the report uses is read:
 * ATX headings, `- ` lists whose items continue on indented lines, GFM tables, `> ` quotes,
 * paragraphs, `**strong**`, `*emphasis*`, backslash escapes, autolinks (`<https://…>`, which
 * show as the address) and hard line breaks (two spaces at a line end). Anything else shows as
 * the text it is.
 */

/** A run of text; `strong` and `em` say how it is set. `\n` inside is a line break. */
export interface Inline {
  text: string;
  strong?: true;
  em?: true;
}

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'quote'; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] };

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^[-*+][ \t]+/;
const CONTINUATION = /^[ \t]{2,}\S/;
const TABLE_ROW = /^\|/;
const TABLE_RULE = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;
const QUOTE = /^>[ \t]?/;

const startsBlock = (line: string) =>
  HEADING.test(line) || LIST_ITEM.test(line) || TABLE_ROW.test(line) || QUOTE.test(line);

/** Two spaces at the end of a line make a line break; otherwise lines join with a space. */
function joinLines(lines: readonly string[]): string {
  return lines
    .map((line, index) => {
      const text = line.trim();
      if (index === lines.length - 1) return text;
      return `${text}${/ {2,}$/.test(line) ? '\n' : ' '}`;
    })
    .join('');
}

export function parseReport(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const at = (index: number) => lines[index] ?? '';
  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        content: parseInline(heading[2] ?? ''),
      });
      i++;
    } else if (LIST_ITEM.test(line)) {
      const items: string[][] = [];
      while (i < lines.length) {
        const current = at(i);
        if (LIST_ITEM.test(current)) items.push([current.replace(LIST_ITEM, '')]);
        else if (CONTINUATION.test(current) && items.length > 0) items.at(-1)?.push(current);
        else break;
        i++;
      }
      blocks.push({ kind: 'list', items: items.map((item) => parseInline(joinLines(item))) });
    } else if (TABLE_ROW.test(line) && TABLE_RULE.test(at(i + 1))) {
      const header = splitRow(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(at(i))) {
        const cells = splitRow(at(i));
        // A row has as many cells as the header: missing ones are empty, extra ones dropped.
        rows.push(header.map((_, column) => parseInline(cells[column] ?? '')));
        i++;
      }
      blocks.push({ kind: 'table', header: header.map(parseInline), rows });
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(at(i))) quoted.push(at(i++).replace(QUOTE, ''));
      blocks.push({ kind: 'quote', content: parseInline(joinLines(quoted)) });
    } else {
      const paragraph: string[] = [];
      while (
        i < lines.length &&
        at(i).trim() !== '' &&
        (paragraph.length === 0 || !startsBlock(at(i)))
      )
        paragraph.push(at(i++));
      blocks.push({ kind: 'paragraph', content: parseInline(joinLines(paragraph)) });
    }
  }
  return blocks;
}

/** A table row's cells: split at each `|` that is not escaped, outer pipes dropped. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      // `\|` is a pipe in the cell's text; other escapes are read with the cell's inline text.
      cell += line[i + 1] === '|' ? '\\|' : `\\${line[i + 1]}`;
      i++;
    } else if (char === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  if (line.trimStart().startsWith('|')) cells.shift();
  if (line.trimEnd().endsWith('|') && !line.trimEnd().endsWith('\\|')) cells.pop();
  return cells.map((text) => text.trim());
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** A CommonMark autolink: a URI with a scheme, or an e-mail address, between `<` and `>`. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@\\]+@[A-Za-z0-9.-]+)>/y;

type Token = { kind: 'text'; text: string } | { kind: 'mark'; text: '*' | '**' };

/** Emphasis as the report writes it: `**…**` and `*…*`, paired left to right, never nested. */
export function parseInline(source: string): Inline[] {
  const tokens: Token[] = [];
  const pushText = (text: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.text += text;
    else tokens.push({ kind: 'text', text });
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    const next = source[i + 1] ?? '';
    AUTOLINK.lastIndex = i;
    const autolink = char === '<' ? AUTOLINK.exec(source) : null;
    if (autolink) {
      pushText(autolink[1] ?? '');
      i += autolink[0].length - 1;
    } else if (char === '\\' && ESCAPABLE.test(next)) {
      pushText(next);
      i++;
    } else if (char === '*') {
      const double = next === '*';
      tokens.push({ kind: 'mark', text: double ? '**' : '*' });
      if (double) i++;
    } else {
      pushText(char);
    }
  }
  // A mark opens a run only when the same mark closes it later; unpaired marks are text.
  const runs: Inline[] = [];
  const push = (text: string, style: Omit<Inline, 'text'> = {}) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last && last.strong === style.strong && last.em === style.em) last.text += text;
    else runs.push({ text, ...style });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === 'text') {
      push(token.text);
      continue;
    }
    const close = tokens.findIndex(
      (other, index) => index > i + 1 && other.kind === 'mark' && other.text === token.text,
    );
    const inner = close > 0 ? tokens.slice(i + 1, close) : [];
    if (close < 0 || inner.some((other) => other.kind === 'mark')) {
      push(token.text);
      continue;
    }
    const text = inner.map((other) => other.text).join('');
    push(text, token.text === '**' ? { strong: true } : { em: true });
    i = close;
  }
  return runs;
}
