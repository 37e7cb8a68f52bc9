/**
 * Bearer tokens: member tokens for board calls, ADMIN_TOKEN (the operator's) or CREATE_TOKEN
 * (facilitators') for creating boards, METRICS_TOKEN for scraping metrics.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Member } from '../../shared/roles.ts';
import type { BoardsService } from '../boards/boards-service.ts';
import { hashSecret } from '../boards/secrets.ts';
import { AppError } from '../errors.ts';

export function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function requireMember(req: Request, boards: BoardsService, boardId: string): Member {
  return boards.authenticate(boardId, bearer(req));
}

export interface CreatorTokens {
  adminToken: string | undefined;
  createToken: string | undefined;
}

/**
 * Anyone may create boards where neither token is set; elsewhere a request carrying either. A
 * token sent that is neither is told so, under the same code (operator QA: a mistyped token was
 * told to send one).
 */
export function requireCreator(req: Request, { adminToken, createToken }: CreatorTokens): void {
  if (!adminToken && !createToken) return;
  if (isAdmin(req, adminToken) || (createToken !== undefined && sends(req, createToken))) return;
  const sent = bearer(req) !== undefined;
  if (createToken) {
    throw new AppError(
      'create_token_required',
      sent
        ? "The Bearer token sent is not this server's CREATE_TOKEN: ask the people who run it."
        : 'Creating boards on this server needs its CREATE_TOKEN as a Bearer token: ask the people who run it.',
    );
  }
  throw new AppError(
    'admin_token_required',
    sent
      ? "The Bearer token sent is not the operator's ADMIN_TOKEN, which creating boards on this server needs."
      : "Creating boards on this server needs the operator's ADMIN_TOKEN as a Bearer token.",
  );
}

/** Whether the request carries the operator's ADMIN_TOKEN (never, where none is set). */
export function isAdmin(req: Request, adminToken: string | undefined): boolean {
  return adminToken !== undefined && sends(req, adminToken);
}

export function requireMetricsToken(req: Request, metricsToken: string | undefined): void {
  if (!metricsToken || sends(req, metricsToken)) return;
  throw new AppError(
    'metrics_token_required',
    bearer(req) === undefined
      ? "This server's metrics need the operator's METRICS_TOKEN as a Bearer token."
      : "The Bearer token sent is not this server's METRICS_TOKEN.",
  );
}

/** Whether the request carries `token` (compared in constant time). */
function sends(req: Request, token: string): boolean {
  const given = bearer(req);
  return given !== undefined && timingSafeEqual(hashSecret(given), hashSecret(token));
}
