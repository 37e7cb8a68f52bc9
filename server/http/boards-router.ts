/** /api/boards: create, see what a link opens, join, read. Thin: parse, call, reply. */
import { type Request, type RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import {
  boardIdSchema,
  type CreateBoardResponse,
  createBoardBody,
  type GetBoardResponse,
  type InvitationResponse,
  invitationBody,
  type JoinBoardResponse,
  joinBoardBody,
  type ListMembersResponse,
  listMembersQuery,
  type NewKeyResponse,
  publicMember,
  type RenamedBoard,
  type RoleKeys,
  removeMemberSchema,
  updateBoardBody,
} from '../../shared/api.ts';
import { type Member, ROLES, type Role } from '../../shared/roles.ts';
import { type BoardsService, boardLink } from '../boards/boards-service.ts';
import { deviceLabel } from '../boards/device-label.ts';
import { AppError } from '../errors.ts';
import { requireRole } from '../facilitation/roles.ts';
import { bearer, isAdmin, requireCreator, requireMember } from './auth.ts';
import { guessLimit } from './rate-limit.ts';
import { emptyBody, jsonBody } from './request-body.ts';

export interface BoardsRouterOptions {
  boards: BoardsService;
  adminToken: string | undefined;
  createToken: string | undefined;
  publicUrl: string | undefined;
  joinRatePerMin: number;
  logger: Logger;
}

/**
 * Wrong creation tokens an address may send a minute (and ten times that many boards it may
 * create). A fixed figure, not JOIN_RATE_PER_MIN: an organiser making boards for thirty teams
 * must not wait on a join limit set low for a public server.
 */
const CREATE_FAILURES_PER_MIN = 10;

export function boardIdParam(req: Request): string {
  const parsed = boardIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw new AppError('board_not_found', 'There is no board with that id.');
  return parsed.data;
}

export function boardsRouter(options: BoardsRouterOptions): Router {
  const { boards } = options;
  const router = Router();

  const originOf = (req: Request) => options.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /** Who may change the board itself: a facilitator of it, or the operator with ADMIN_TOKEN. */
  const facilitatorOrOperator = (req: Request, boardId: string): Member | 'operator' => {
    if (isAdmin(req, options.adminToken)) return 'operator';
    const member = requireMember(req, boards, boardId);
    requireRole(member, 'facilitator');
    return member;
  };
  /** Who did it, for the log: a member id, or `operator`. */
  const who = (by: Member | 'operator') => (by === 'operator' ? by : by.id);

  // Where a token guards creation, guessing it is limited like guessing a board's key. An open
  // server has nothing to guess, and a request without a token guesses nothing: the landing
  // page's first try, before it asks for the passcode (QA: ten visitors behind one office
  // address locked out everyone, the operator too).
  const guarded = options.adminToken !== undefined || options.createToken !== undefined;
  const limit = guessLimit(CREATE_FAILURES_PER_MIN);
  const createLimit: RequestHandler = (req, res, next) =>
    guarded && bearer(req) !== undefined ? limit(req, res, next) : next();
  router.post('/', createLimit, (req, res) => {
    requireCreator(req, options);
    const input = createBoardBody.parse(jsonBody(req));
    const { board, keys } = boards.create(input);
    const links = Object.fromEntries(
      ROLES.map((role) => [role, boardLink(originOf(req), board.id, keys[role])]),
    ) as RoleKeys;
    const body: CreateBoardResponse = { board, keys, links };
    res.status(201).json(body);
  });

  // One budget for both: asking what a key opens is as good a way to guess keys as joining.
  const keyGuesses = guessLimit(options.joinRatePerMin);

  // What a link opens (the board's title, the role), for the join page to say before it asks
  // for a name: with a team's link among seven, joining the wrong team is noticed first.
  router.post('/:id/invitation', keyGuesses.lookOnly, (req, res) => {
    const boardId = boardIdParam(req);
    boards.get(boardId);
    const { key } = invitationBody.parse(jsonBody(req));
    const body: InvitationResponse = boards.invitation(boardId, key);
    res.json(body);
  });

  router.post('/:id/join', keyGuesses, (req, res) => {
    const boardId = boardIdParam(req);
    // An unknown board is 404 whatever the body holds (SPEC): a link to a board that is gone
    // says so, not that the form was incomplete.
    boards.get(boardId);
    const input = joinBoardBody.parse(jsonBody(req));
    const label = deviceLabel(req.get('user-agent'));
    const { member, token } = boards.join(boardId, input.key, input.name, label);
    const body: JoinBoardResponse = { member: publicMember(member), token };
    res.json(body);
  });

  router.get('/:id', (req, res) => {
    const boardId = boardIdParam(req);
    const member = requireMember(req, boards, boardId);
    const body: GetBoardResponse = { board: boards.get(boardId), me: publicMember(member) };
    res.json(body);
  });

  // A board made as "Team 1" becomes "Service day: claims", or one made in Finnish English: a
  // facilitator, or the operator.
  router.patch('/:id', (req, res) => {
    const boardId = boardIdParam(req);
    const by = facilitatorOrOperator(req, boardId);
    const { title, language } = updateBoardBody.parse(jsonBody(req));
    const before = boards.get(boardId);
    const board = boards.update(boardId, { title, language });
    if (board.title !== before.title) {
      options.logger.info({ boardId, by: who(by) }, 'board renamed');
    }
    if (board.language !== before.language) {
      options.logger.info({ boardId, by: who(by), language }, 'board language changed');
    }
    const body: RenamedBoard = { board };
    res.json(body);
  });

  // For good: a facilitator of the board, or the operator with ADMIN_TOKEN when one is set.
  router.delete('/:id', (req, res) => {
    const boardId = boardIdParam(req);
    const by = facilitatorOrOperator(req, boardId);
    emptyBody(req);
    boards.delete(boardId);
    options.logger.info({ boardId, by: who(by) }, 'board deleted');
    res.status(204).end();
  });

  // Whom a follow-up can be assigned to: any member may see who has joined. With
  // `?removed=true`, a facilitator sees who was taken off instead: to erase a name asked for
  // after the person was taken off. The operator sees both, to find whom to take off or erase
  // at a person's request (DEPLOY.md §8; operator QA: the id was nowhere to be had).
  router.get('/:id/members', (req, res) => {
    const boardId = boardIdParam(req);
    // Who asks comes first, as on every route: a bad query without a token is 401, not 400.
    const member = isAdmin(req, options.adminToken) ? null : requireMember(req, boards, boardId);
    if (!member) boards.get(boardId);
    const { removed } = listMembersQuery.parse(req.query);
    if (member && removed) requireRole(member, 'facilitator');
    const members = boards
      .members(boardId)
      .filter((one) => one.removed === removed)
      .map((one) => ({ ...publicMember(one), joinedAt: new Date(one.joinedAt).toISOString() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const body: ListMembersResponse = { members };
    res.json(body);
  });

  // Someone who should not be on the board (a link that reached the wrong people, a device
  // that is lost): a facilitator, or the operator, takes them off, and their token opens nothing
  // from then on. With `erase`, at the person's request, their name goes too.
  router.delete('/:id/members/:mid', (req, res) => {
    const boardId = boardIdParam(req);
    const by = facilitatorOrOperator(req, boardId);
    const { erase } = removeMemberSchema.parse(jsonBody(req));
    const memberId = String(req.params.mid);
    const done = erase
      ? boards.eraseMember(boardId, memberId, by)
      : boards.removeMember(boardId, memberId, by);
    options.logger.info(
      { boardId, memberId: done.id, by: who(by) },
      erase ? 'member erased' : 'member removed',
    );
    res.status(204).end();
  });

  // A lost link, or one that reached the wrong people: a facilitator makes the role a new one.
  router.post('/:id/keys/:role', (req, res) => {
    const boardId = boardIdParam(req);
    const member = requireMember(req, boards, boardId);
    requireRole(member, 'facilitator');
    const role = req.params.role as Role;
    if (!ROLES.includes(role)) {
      throw new AppError(
        'invalid_input',
        `There is no role "${role}": it is one of ${ROLES.join(', ')}.`,
      );
    }
    emptyBody(req);
    const key = boards.replaceKey(boardId, role);
    options.logger.info({ boardId, role, by: member.id }, 'a new link for a role');
    const body: NewKeyResponse = { role, key, link: boardLink(originOf(req), boardId, key) };
    res.json(body);
  });

  return router;
}
