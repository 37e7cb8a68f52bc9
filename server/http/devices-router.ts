/**
 * /api/boards/:id/devices: the devices I am on the board from (my first, and each that took a
 * device link of mine), signing one of the others out (a lost phone, a meeting room's laptop),
 * and signing out the one asking ("Leave…" on a shared laptop).
 */
import { Router } from 'express';
import type { DevicesResponse } from '../../shared/api.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import { bearer } from './auth.ts';
import { boardIdParam } from './boards-router.ts';
import { emptyBody } from './request-body.ts';

export function devicesRouter(boards: BoardsService): Router {
  const router = Router({ mergeParams: true });

  router.get('/', (req, res) => {
    const { member, device } = boards.signIn(boardIdParam(req), bearer(req));
    const body: DevicesResponse = {
      devices: boards.devices(member).map((each) => ({
        id: each.id,
        label: each.label,
        addedAt: new Date(each.createdAt).toISOString(),
        lastUsedAt: new Date(each.lastUsedAt).toISOString(),
        connected: each.connected,
        current: each.id === device,
      })),
    };
    res.json(body);
  });

  // "Leave…": the device asking signs itself out.
  router.delete('/current', (req, res) => {
    const { member, device } = boards.signIn(boardIdParam(req), bearer(req));
    emptyBody(req);
    boards.leaveDevice(member, device);
    res.status(204).end();
  });

  router.delete('/:deviceId', (req, res) => {
    const { member, device } = boards.signIn(boardIdParam(req), bearer(req));
    emptyBody(req);
    boards.signOutDevice(member, String(req.params.deviceId), device);
    res.status(204).end();
  });

  return router;
}
