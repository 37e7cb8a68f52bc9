/** /api/boards/:id/followups — follow-up owners over HTTP, the same calls as the Socket.io events. */
import { type Request, Router } from 'express';
import type { BoardsService } from '../boards/boards-service.ts';
import type { FollowUpsService } from '../follow-through/follow-ups-service.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { emptyBody, jsonBody } from './request-body.ts';

export function followUpsRouter(boards: BoardsService, followUps: FollowUpsService): Router {
  const router = Router({ mergeParams: true });
  const member = (req: Request) => requireMember(req, boards, boardIdParam(req));

  router.get('/', (req, res) => {
    res.json({ followUps: followUps.list(member(req)) });
  });
  router.post('/', (req, res) => {
    res.status(201).json(followUps.create(member(req), jsonBody(req)));
  });
  router.post('/from-round', (req, res) => {
    res.status(201).json({ followUps: followUps.fromRound(member(req), jsonBody(req)) });
  });
  router.patch('/:fid', (req, res) => {
    res.json(followUps.update(member(req), String(req.params.fid), jsonBody(req)));
  });
  router.delete('/:fid', (req, res) => {
    const who = member(req);
    emptyBody(req);
    followUps.delete(who, String(req.params.fid));
    res.status(204).end();
  });
  return router;
}
