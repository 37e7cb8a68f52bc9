/**
 * /api/boards/:id/device-links: carrying on from another device (boards/device-links.ts). A
 * member makes a one-time link; the other device takes it and gets a token of its own.
 */
import { type Request, Router } from 'express';
import {
  type DeviceLinkResponse,
  type JoinBoardResponse,
  publicMember,
  takeDeviceLinkBody,
} from '../../shared/api.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import { deviceLabel } from '../boards/device-label.ts';
import { type DeviceLinks, deviceLink } from '../boards/device-links.ts';
import { requireMember } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { guessLimit } from './rate-limit.ts';
import { emptyBody, jsonBody } from './request-body.ts';

export interface DeviceLinksRouterOptions {
  boards: BoardsService;
  deviceLinks: DeviceLinks;
  publicUrl: string | undefined;
  joinRatePerMin: number;
}

export function deviceLinksRouter(options: DeviceLinksRouterOptions): Router {
  const { boards, deviceLinks } = options;
  const router = Router({ mergeParams: true });
  const originOf = (req: Request) => options.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  // Any member, a viewer too: it is their own place on the board they carry elsewhere.
  router.post('/', (req, res) => {
    const boardId = boardIdParam(req);
    const member = requireMember(req, boards, boardId);
    emptyBody(req);
    const { code, expiresAt } = deviceLinks.offer(member);
    const body: DeviceLinkResponse = {
      code,
      link: deviceLink(originOf(req), boardId, code),
      expiresAt: new Date(expiresAt).toISOString(),
    };
    res.status(201).json(body);
  });

  // Guessing a code is limited as guessing a board's key is (a code is as long as a key).
  router.post('/take', guessLimit(options.joinRatePerMin), (req, res) => {
    const boardId = boardIdParam(req);
    const { code } = takeDeviceLinkBody.parse(jsonBody(req));
    const { member, token } = deviceLinks.take(boardId, code, deviceLabel(req.get('user-agent')));
    const body: JoinBoardResponse = { member: publicMember(member), token };
    res.json(body);
  });

  return router;
}
