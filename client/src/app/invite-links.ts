/**
 * A board's invitation links (participant, viewer) kept in this browser per board id: the
 * server keeps only hashes of the keys, so the browser that made the board, or a new link,
 * is the only place the facilitator's Invite dialog can show them again on the day. Never the
 * facilitator link: it makes new facilitators for as long as the board lives, and anything
 * that reads this storage (the next person at a shared workshop laptop) would have it
 * (membership.ts keeps no key for the same reason).
 */
import type { NewKeyResponse, RoleKeys } from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import type { BoardApi } from './api.ts';
import { readStored, writeStored } from './storage.ts';

export type InviteRole = Exclude<Role, 'facilitator'>;
export type InviteLinks = Partial<Record<InviteRole, string>>;

export const INVITE_ROLES: readonly InviteRole[] = ['participant', 'viewer'];

/** Whether a link of `role` is kept in this browser: any but the facilitator's. */
export const isInviteRole = (role: Role): role is InviteRole => role !== 'facilitator';

const storageKey = (boardId: string) => `ideamill.links.${boardId}`;

export function loadInviteLinks(boardId: string): InviteLinks {
  try {
    const parsed: unknown = JSON.parse(readStored(storageKey(boardId)) ?? '{}');
    const links: InviteLinks = {};
    if (typeof parsed !== 'object' || parsed === null) return links;
    for (const role of INVITE_ROLES) {
      const link = (parsed as Record<string, unknown>)[role];
      if (typeof link === 'string') links[role] = link;
    }
    return links;
  } catch {
    return {};
  }
}

/** Keeps the links given (a board's first ones, or one new link) beside those kept before. */
export function saveInviteLinks(boardId: string, links: Partial<RoleKeys>): void {
  const kept = loadInviteLinks(boardId);
  for (const role of INVITE_ROLES) {
    const link = links[role];
    if (link) kept[role] = link;
  }
  writeStored(storageKey(boardId), JSON.stringify(kept));
}

/** Forgets one role's link (it opens the board no more), or all of them (leaving a device). */
export function forgetInviteLinks(boardId: string, role?: InviteRole): void {
  if (role === undefined) {
    writeStored(storageKey(boardId), null);
    return;
  }
  const kept = loadInviteLinks(boardId);
  delete kept[role];
  writeStored(storageKey(boardId), JSON.stringify(kept));
}

/**
 * A new key for `role` (facilitators; the role's old link opens the board no more). Its link
 * is kept here, unless it is the facilitator's.
 */
export async function newRoleLink(
  api: BoardApi,
  boardId: string,
  role: Role,
): Promise<NewKeyResponse> {
  const made = await api<NewKeyResponse>(`/keys/${role}`, { method: 'POST' });
  if (isInviteRole(made.role)) saveInviteLinks(boardId, { [made.role]: made.link });
  return made;
}
