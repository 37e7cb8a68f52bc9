/**
 * GET /api/boards/:id/export?format=md|csv|json|svg|ics|agenda[&snapshot=:sid]
 * [&table=items|followups|concepts][&separator=comma|semicolon][&tz=Europe/Helsinki]
 */
import { Router } from 'express';
import { exportQuery, isTimeZone } from '../../shared/follow-through.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import { AppError, RateLimitError } from '../errors.ts';
import type { ExportService } from '../follow-through/export-service.ts';
import type { ExportThread, RenderedFile } from '../follow-through/export-thread.ts';
import type { RenderedExport } from '../follow-through/exports/index.ts';
import type { Metrics } from '../observability/metrics.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { sendCompressible } from './compressed-reply.ts';
import type { ExportBudget } from './export-budget.ts';

export function exportRouter(
  boards: BoardsService,
  exports: ExportService,
  thread: ExportThread,
  budget: ExportBudget,
  metrics: Metrics,
): Router {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    const member = requireMember(req, boards, boardIdParam(req));
    const query = exportQuery.parse(req.query);
    if (query.tz !== undefined && !isTimeZone(query.tz)) {
      throw new AppError(
        'invalid_time_zone',
        `tz: ${query.tz} is not a time zone this server knows; give an IANA name such as ` +
          'Europe/Helsinki, or leave tz out for UTC.',
      );
    }
    const { table, separator, tz: timeZone } = query;
    const { format } = query;
    let rendered: RenderedFile;
    try {
      rendered = await budget.spend(member, async () => {
        const started = performance.now();
        const source = exports.source(member.boardId, query.snapshot);
        const gathered = performance.now() - started;
        const names = exports.namesShown(member.boardId);
        const options = { table, separator, timeZone, names };
        const { rendered, ms } = await thread.render(source, format, options);
        metrics.exportSeconds.observe({ format }, (gathered + ms) / 1000);
        return { result: rendered, ms: gathered + ms };
      });
    } catch (error) {
      if (error instanceof RateLimitError) metrics.exports.inc({ format, outcome: 'refused' });
      else if (!(error instanceof AppError)) metrics.exports.inc({ format, outcome: 'failed' });
      throw error;
    }
    metrics.exports.inc({ format, outcome: 'built' });
    res.setHeader('Content-Type', rendered.contentType);
    res.setHeader('Content-Disposition', contentDisposition(rendered));
    const { body } = rendered;
    sendCompressible(req, res, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
  return router;
}

/**
 * RFC 6266: the ASCII name for every client, and where the title is in another script (or has
 * accents) the name in that script too, as RFC 8187's `filename*`, which browsers prefer.
 */
function contentDisposition({
  filename,
  unicodeFilename,
}: Pick<RenderedExport, 'filename' | 'unicodeFilename'>): string {
  const ascii = `attachment; filename="${filename}"`;
  if (unicodeFilename === filename) return ascii;
  // RFC 8187 attr-char: encodeURIComponent leaves ' ( ) * as they are, which it may not.
  const encoded = encodeURIComponent(unicodeFilename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${ascii}; filename*=UTF-8''${encoded}`;
}
