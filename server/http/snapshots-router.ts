/** /api/boards/:id/snapshots — history: list, save a version, restore, delete. */
import { type Request, Router } from 'express';
import type { BoardsService } from '../boards/boards-service.ts';
import type { SnapshotsService } from '../follow-through/snapshots-service.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { emptyBody, jsonBody } from './request-body.ts';

export function snapshotsRouter(boards: BoardsService, snapshots: SnapshotsService): Router {
  const router = Router({ mergeParams: true });
  const member = (req: Request) => requireMember(req, boards, boardIdParam(req));

  router.get('/', (req, res) => {
    res.json({ snapshots: snapshots.list(member(req)) });
  });
  router.post('/', (req, res) => {
    res.status(201).json(snapshots.create(member(req), jsonBody(req)));
  });
  router.post('/:sid/restore', (req, res) => {
    const who = member(req);
    emptyBody(req);
    res.json({ restored: snapshots.restore(who, String(req.params.sid)) });
  });
  router.delete('/:sid', (req, res) => {
    const who = member(req);
    emptyBody(req);
    snapshots.delete(who, String(req.params.sid));
    res.status(204).end();
  });
  return router;
}
