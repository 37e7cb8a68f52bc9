/** Request schemas and response shapes of the HTTP API (docs/API.md). */
import { z } from 'zod';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './constants.ts';
import type { Member, Role } from './roles.ts';
import { TEMPLATES } from './templates.ts';
import { oneLineText } from './text-rules.ts';

export const LANGUAGES = ['en', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const boardIdSchema = z.string().uuid({ message: 'board ids are UUIDs' });

const memberName = oneLineText('name', MAX_NAME_LENGTH);

const boardTitle = oneLineText('title', MAX_TITLE_LENGTH);

export const createBoardBody = z.strictObject({
  title: boardTitle,
  template: z.enum(TEMPLATES).default('blank'),
  language: z.enum(LANGUAGES).default('en'),
});
export type CreateBoardBody = z.input<typeof createBoardBody>;

/** Socket.io `board:rename` (facilitators): a new title. */
export const renameBoardBody = z.strictObject({ title: boardTitle });
export type RenameBoardBody = z.input<typeof renameBoardBody>;

/**
 * `PATCH /api/boards/:id` (facilitators): a new title, a new language (the exports' words and
 * the template's labels where nobody changed them), or both.
 */
export const updateBoardBody = z
  .strictObject({ title: boardTitle.optional(), language: z.enum(LANGUAGES).optional() })
  .refine((body) => body.title !== undefined || body.language !== undefined, {
    message: 'give a title, a language, or both',
  });
export type UpdateBoardBody = z.input<typeof updateBoardBody>;

/**
 * What `PATCH /api/boards/:id` answers, and every member's page hears as `board:renamed` when
 * the board's title or language changed.
 */
export interface RenamedBoard {
  board: Board;
}

const boardKey = z.string().min(1, 'key is required').max(200);

export const joinBoardBody = z.strictObject({
  key: boardKey,
  name: memberName,
});
export type JoinBoardBody = z.input<typeof joinBoardBody>;

/**
 * `POST /api/boards/:id/device-links/take`: the code from a link to carry on from another device
 * (the fragment's `device`).
 */
export const takeDeviceLinkBody = z.strictObject({
  code: z.string().min(1, 'code is required').max(200),
});

/** `POST /api/boards/:id/device-links`: a link that opens the board as me on another device, once. */
export interface DeviceLinkResponse {
  /** What `/take` is given; the link carries it in its fragment, which never reaches a server. */
  code: string;
  link: string;
  /** ISO 8601: the link opens nothing from then on. */
  expiresAt: string;
}

/** One of the devices a member is on the board from (`GET /api/boards/:id/devices`). */
export interface MemberDevice {
  id: string;
  /** The browser and system it said it was ("Firefox · Android"); '' where it said nothing. */
  label: string;
  /** ISO 8601: when it joined, or took a device link. */
  addedAt: string;
  /**
   * ISO 8601: when it was last on the board: its last connection closed, or a sign-in (a
   * connection or a board call) more than five minutes after the time stored; at least addedAt.
   */
  lastUsedAt: string;
  /** Whether it holds a connection to the board now (Socket.io or y-websocket). */
  connected: boolean;
  /** The device that asked. */
  current: boolean;
}

/** `GET /api/boards/:id/devices`: my devices on the board, oldest first. */
export interface DevicesResponse {
  devices: MemberDevice[];
}

/** `POST /api/boards/:id/invitation`: what a link opens, asked before joining with it. */
export const invitationBody = z.strictObject({ key: boardKey });

export interface Board {
  id: string;
  title: string;
  template: (typeof TEMPLATES)[number];
  language: Language;
  createdAt: string;
}

export type RoleKeys = Record<Role, string>;

export interface CreateBoardResponse {
  board: Board;
  keys: RoleKeys;
  links: RoleKeys;
}

/** `POST /api/boards/:id/keys/:role`: the role's new key and its link, shown only this once. */
export interface NewKeyResponse {
  role: Role;
  key: string;
  link: string;
}

export type PublicMember = Omit<Member, 'boardId'>;

/** What others may see of a member: in API answers, on the welcome and in presence. */
export const publicMember = ({ id, name, color, role }: Member): PublicMember => ({
  id,
  name,
  color,
  role,
});

/** Which board a link opens, and as what: shown on the join page before a name is asked. */
export interface InvitationResponse {
  board: Board;
  role: Role;
}

export interface JoinBoardResponse {
  member: PublicMember;
  token: string;
}

export interface GetBoardResponse {
  board: Board;
  me: PublicMember;
}

/** `GET /api/boards/:id/members`: everyone who has joined the board, by name. */
/** `GET /api/boards/:id/members[?removed=true]`: who is on the board, or who was taken off it. */
export const listMembersQuery = z.object({
  removed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/**
 * A member in `GET /members`: when it joined too (ISO 8601), which tells apart the members one
 * person made joining from two devices (QA: two identical "Jussi" rows).
 */
export type ListedMember = PublicMember & { joinedAt: string };

export interface ListMembersResponse {
  members: ListedMember[];
}

/**
 * `DELETE /api/boards/:id/members/:mid`: takes the member off the board; with `erase`, their
 * name is erased too (ERASED_MEMBER_NAME), at their request.
 */
export const removeMemberSchema = z.strictObject({ erase: z.boolean().optional() });

/** An erased member's name, in the board's language: the same for everyone erased. */
export const ERASED_MEMBER_NAME: Record<Language, string> = {
  en: '(name erased)',
  fi: '(nimi poistettu)',
};
