/**
 * /api/boards/:id/{state,lock,phase,timer,silent-writing,names} — facilitation controls over HTTP.
 */
import { type Request, Router } from 'express';
import {
  lockBody,
  namesBody,
  phaseBody,
  silentWritingBody,
  timerBody,
} from '../../shared/facilitation.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import type { Facilitation } from '../facilitation/facilitation.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { jsonBody } from './request-body.ts';

export function facilitationRouter(boards: BoardsService, facilitation: Facilitation): Router {
  const router = Router({ mergeParams: true });
  const member = (req: Request) => requireMember(req, boards, boardIdParam(req));
  const { state, silentWriting } = facilitation;

  router.get('/state', (req, res) => {
    res.json(state.get(member(req).boardId));
  });
  router.post('/lock', (req, res) => {
    const who = member(req);
    res.json(state.setLocked(who, lockBody.parse(jsonBody(req)).locked));
  });
  router.post('/phase', (req, res) => {
    const who = member(req);
    res.json(state.setPhase(who, phaseBody.parse(jsonBody(req)).phase));
  });
  router.post('/timer', (req, res) => {
    const who = member(req);
    res.json(state.controlTimer(who, timerBody.parse(jsonBody(req))));
  });
  router.post('/names', (req, res) => {
    const who = member(req);
    res.json(state.setShowNames(who, namesBody.parse(jsonBody(req)).shown));
  });
  router.get('/silent-writing', (req, res) => {
    res.json(silentWriting.progress(member(req)));
  });
  router.post('/silent-writing', (req, res) => {
    const who = member(req);
    const body = silentWritingBody.parse(jsonBody(req));
    if (body.action === 'start') res.json(silentWriting.start(who));
    else res.json(silentWriting.reveal(who, body.anonymous));
  });
  return router;
}
