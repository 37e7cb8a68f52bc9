/** Request schemas and response shapes of the HTTP API (docs/API.md). */
import { z } from 'zod';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from './constants.ts';
import type { Member, Role } from './roles.ts';
import { TEMPLATES } from './templates.ts';

export const LANGUAGES = ['en', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const boardIdSchema = z.string().uuid({ message: 'board ids are UUIDs' });

/**
 * Control and format characters that would let a name break a line, run right to left over
 * what follows it ("Fran restored…" in everyone's notice), or show as nothing at all; the
 * joiners of emoji and of some scripts (U+200C, U+200D) stay.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const KEEP = new Set(['\u200c', '\u200d']);
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Tag characters are format characters too, but after 🏴 they spell a region's flag (Scotland's,
 * Wales's, England's): there they stay, and anywhere else they go (QA: "🏴󠁧󠁢󠁳󠁣󠁴󠁿 Callum" became a
 * black flag). Each is two UTF-16 units, as 🏴 is.
 */
function spellsAFlag(name: string, at: number): boolean {
  const before = name.codePointAt(at - 2) ?? 0;
  return before === 0x1f3f4 || (before >= 0xe0020 && before <= 0xe007f);
}
const isTag = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xe0020 && code <= 0xe007f;
};

/**
 * Text people will see on one line (a member's name, a board's title): nothing hidden in it, no
 * tab or line break (QA: a title pasted from a spreadsheet kept its tab, which moved every link
 * of the copied team table one column over), something to see. In one Unicode form (NFC), so
 * that "José" typed with a combining accent is the same name as José typed whole (QA: two
 * identical-looking members, counted as two people in the report).
 */
function oneLineText(what: string, max: number) {
  return z
    .string()
    .transform((text) =>
      text
        .normalize('NFC')
        .replace(HIDDEN, (char, at: number, whole: string) =>
          KEEP.has(char) || (isTag(char) && spellsAFlag(whole, at))
            ? char
            : /\s/.test(char)
              ? ' '
              : '',
        )
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(
      z
        .string()
        .min(1, `${what} must not be empty`)
        .max(max)
        .refine((text) => VISIBLE.test(text), `${what} must have a letter, digit or sign in it`),
    );
}

const memberName = oneLineText('name', MAX_NAME_LENGTH);

const boardTitle = oneLineText('title', MAX_TITLE_LENGTH);

export const createBoardBody = z.strictObject({
  title: boardTitle,
  template: z.enum(TEMPLATES).default('blank'),
  language: z.enum(LANGUAGES).default('en'),
});
export type CreateBoardBody = z.input<typeof createBoardBody>;

/** `PATCH /api/boards/:id` and Socket.io `board:rename` (facilitators): a new title. */
export const renameBoardBody = z.strictObject({ title: boardTitle });
export type RenameBoardBody = z.input<typeof renameBoardBody>;

/** What `PATCH /api/boards/:id` answers, and every member's page hears as `board:renamed`. */
export interface RenamedBoard {
  board: Board;
}

const boardKey = z.string().min(1, 'key is required').max(200);

export const joinBoardBody = z.strictObject({
  key: boardKey,
  name: memberName,
});
export type JoinBoardBody = z.input<typeof joinBoardBody>;

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

export interface ListMembersResponse {
  members: PublicMember[];
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
