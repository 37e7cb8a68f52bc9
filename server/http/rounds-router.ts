/** /api/boards/:id/rounds — voting rounds over HTTP, the same calls as the Socket.io events. */
import { type Request, Router } from 'express';
import { voteBody } from '../../shared/facilitation.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { RoundsService } from '../facilitation/rounds-service.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { emptyBody, jsonBody } from './request-body.ts';

export function roundsRouter(boards: BoardsService, rounds: RoundsService): Router {
  const router = Router({ mergeParams: true });
  const member = (req: Request) => requireMember(req, boards, boardIdParam(req));
  const roundId = (req: Request) => String(req.params.rid);

  router.get('/', (req, res) => {
    res.json({ rounds: rounds.list(member(req)) });
  });
  router.post('/', (req, res) => {
    res.status(201).json(rounds.open(member(req), jsonBody(req)));
  });
  router.get('/:rid', (req, res) => {
    res.json(rounds.get(member(req), roundId(req)));
  });
  router.post('/:rid/votes', async (req, res) => {
    const who = member(req);
    const { itemId } = voteBody.parse(jsonBody(req));
    res.json(await rounds.castVote(who, roundId(req), itemId));
  });
  router.delete('/:rid/votes/:itemId', async (req, res) => {
    const who = member(req);
    emptyBody(req);
    // The id in the path is held to the same limits as one in a vote's body.
    const { itemId } = voteBody.parse({ itemId: req.params.itemId });
    res.json(await rounds.retractVote(who, roundId(req), itemId));
  });
  router.post('/:rid/close', (req, res) => {
    const who = member(req);
    emptyBody(req);
    res.json(rounds.close(who, roundId(req)));
  });
  return router;
}
