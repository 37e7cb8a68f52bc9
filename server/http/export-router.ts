/**
 * GET /api/boards/:id/export?format=md|csv|json|svg|ics[&snapshot=:sid]
 * [&table=items|followups][&separator=comma|semicolon]
 */
import { Router } from 'express';
import { exportQuery } from '../../shared/follow-through.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { ExportService } from '../follow-through/export-service.ts';
import { renderExport } from '../follow-through/exports/index.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';

export function exportRouter(boards: BoardsService, exports: ExportService): Router {
  const router = Router({ mergeParams: true });
  router.get('/', (req, res) => {
    const member = requireMember(req, boards, boardIdParam(req));
    const query = exportQuery.parse(req.query);
    const model = exports.gather(member.boardId, query.snapshot);
    const { body, contentType, filename } = renderExport(model, query.format, query);
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(body);
  });
  return router;
}
