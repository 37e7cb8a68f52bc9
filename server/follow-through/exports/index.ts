/**
 * The export formats' public face: one call that renders a BoardExport as a body, the
 * Content-Type to send it with and a file name to save it under. The HTTP route and the CLI
 * both call this, so a format looks the same whichever door it came through.
 */
import type { BoardExport, CsvOptions, ExportFormat } from '../../../shared/follow-through.ts';
import { toAgenda } from './agenda.ts';
import { toCsv } from './csv.ts';
import { toIcs } from './ics.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import { toSvg } from './svg.ts';
import { graphemes } from './text-width.ts';

export { toAgenda, toCsv, toIcs, toJson, toMarkdown, toSvg };

/** How an export is rendered besides its format: the CSV's cut, the clock times are read on. */
export interface ExportOptions extends CsvOptions {
  /** md and agenda: an IANA time zone the caller has checked (isTimeZone); UTC when unset. */
  timeZone?: string;
  /** md: name each note's and concept card's writer, as the board does while it shows names. */
  names?: boolean;
}

export interface RenderedExport {
  body: string;
  contentType: string;
  /** ASCII only, no quotes or slashes: safe in Content-Disposition and on any file system. */
  filename: string;
  /**
   * The same name with the title in its own script ("会議-2024.md" where `filename` is
   * "2024.md"): for RFC 8187's `filename*`, percent-encoded. No quotes, slashes, controls or spaces.
   */
  unicodeFilename: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  // RFC 5545 §3.7.2: the file's METHOD:PUBLISH must be named in the media type as well.
  ics: 'text/calendar; charset=utf-8; method=PUBLISH',
  agenda: 'text/markdown; charset=utf-8',
};

/** The file's extension, where it is not the format's name. */
const EXTENSIONS: Partial<Record<ExportFormat, string>> = { agenda: 'md' };

/** What a file name keeps of a title in its own script: letters, marks, digits and emoji. */
const NOT_IN_NAME =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: code points one by one; ZWJ is kept so emoji sequences stay whole
  /[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200C\u200D\uFE0F\u20E3]+/gu;
const VISIBLE = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
/** File systems allow 255 bytes of UTF-8 in a name: the stem leaves room for the suffixes. */
const STEM_CHARS = 60;
const STEM_BYTES = 180;

/**
 * A board title as the stem of a file name, "board" if nothing is left. In ASCII,
 * "Kehittämispäivä 2025 / tiimi A" → "kehittamispaiva-2025-tiimi-a" (and "会議 2024" → "2024");
 * in the title's own script, "kehittämispäivä-2025-tiimi-a" ("会議-2024"). Either way lowercase,
 * everything else a single hyphen, at most 60 characters, none of them cut in half.
 */
export function slug(title: string, script: 'ascii' | 'own' = 'ascii'): string {
  if (script === 'ascii') {
    const ascii = title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return ascii.slice(0, STEM_CHARS).replace(/-+$/, '') || 'board';
  }
  const own = title
    .normalize('NFC')
    .toLowerCase()
    .replace(NOT_IN_NAME, '-')
    .replace(/^-+|-+$/g, '');
  let stem = '';
  let count = 0;
  let bytes = 0;
  for (const grapheme of graphemes(own)) {
    bytes += Buffer.byteLength(grapheme);
    if (++count > STEM_CHARS || bytes > STEM_BYTES) break;
    stem += grapheme;
  }
  // Joiners and accents alone would make a name nobody can see.
  return VISIBLE.test(stem) ? stem.replace(/-+$/, '') : 'board';
}

/** The file name of an export: the title's stem (see slug), the snapshot's date, the table. */
export function exportFilename(
  model: Pick<BoardExport, 'board' | 'snapshot'>,
  format: ExportFormat,
  { table = 'items' }: CsvOptions = {},
  script: 'ascii' | 'own' = 'ascii',
): string {
  const parts: string[] = [];
  // A snapshot's file must not be mistaken for the live board's.
  if (model.snapshot) parts.push('snapshot', model.snapshot.createdAt.slice(0, 10));
  if (format === 'csv') parts.push(table);
  if (format === 'agenda') parts.push('agenda');
  const suffix = parts.join('-').replace(/[^a-z0-9-]/g, '');
  const extension = EXTENSIONS[format] ?? format;
  return `${slug(model.board.title, script)}${suffix ? `-${suffix}` : ''}.${extension}`;
}

export function renderExport(
  model: BoardExport,
  format: ExportFormat,
  options: ExportOptions = {},
): RenderedExport {
  const body = render(model, format, options);
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: exportFilename(model, format, options),
    unicodeFilename: exportFilename(model, format, options, 'own'),
  };
}

function render(model: BoardExport, format: ExportFormat, options: ExportOptions): string {
  switch (format) {
    case 'md':
      return toMarkdown(model, options.timeZone, options.names);
    case 'csv':
      return toCsv(model, options);
    case 'json':
      return toJson(model);
    case 'svg':
      return toSvg(model);
    case 'ics':
      return toIcs(model);
    case 'agenda':
      return toAgenda(model, options.timeZone);
  }
}
