/**
 * The export formats' public face: one call that renders a BoardExport as a body, the
 * Content-Type to send it with and a file name to save it under. The HTTP route and the CLI
 * both call this, so a format looks the same whichever door it came through.
 */
import type { BoardExport, CsvOptions, ExportFormat } from '../../../shared/follow-through.ts';
import { toCsv } from './csv.ts';
import { toIcs } from './ics.ts';
import { toJson } from './json.ts';
import { toMarkdown } from './markdown.ts';
import { toSvg } from './svg.ts';

export { toCsv, toIcs, toJson, toMarkdown, toSvg };

export interface RenderedExport {
  body: string;
  contentType: string;
  /** ASCII only, no quotes or slashes: safe in Content-Disposition and on any file system. */
  filename: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  // RFC 5545 §3.7.2: the file's METHOD:PUBLISH must be named in the media type as well.
  ics: 'text/calendar; charset=utf-8; method=PUBLISH',
};

/** "Kehittämispäivä 2025 / tiimi A" → "kehittamispaiva-2025-tiimi-a"; "board" if nothing is left. */
export function slug(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 60).replace(/-+$/, '') || 'board';
}

export function exportFilename(
  model: BoardExport,
  format: ExportFormat,
  { table = 'items' }: CsvOptions = {},
): string {
  const parts = [slug(model.board.title)];
  // A snapshot's file must not be mistaken for the live board's.
  if (model.snapshot) parts.push('snapshot', model.snapshot.createdAt.slice(0, 10));
  if (format === 'csv') parts.push(table);
  return `${parts.join('-').replace(/[^a-z0-9-]/g, '')}.${format}`;
}

export function renderExport(
  model: BoardExport,
  format: ExportFormat,
  csv: CsvOptions = {},
): RenderedExport {
  const body = render(model, format, csv);
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: exportFilename(model, format, csv),
  };
}

function render(model: BoardExport, format: ExportFormat, csv: CsvOptions): string {
  switch (format) {
    case 'md':
      return toMarkdown(model);
    case 'csv':
      return toCsv(model, csv);
    case 'json':
      return toJson(model);
    case 'svg':
      return toSvg(model);
    case 'ics':
      return toIcs(model);
  }
}
