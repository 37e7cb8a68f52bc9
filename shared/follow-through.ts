/**
 * Follow-through: follow-up owners, snapshots and exports. Schemas for every request and the
 * shapes the server returns (docs/API.md, docs/EXPORT.md).
 */
import { z } from 'zod';
import type { Board } from './api.ts';
import { FOLLOW_UP_STATUSES } from './constants.ts';
import type { StackedItem } from './drawing-order.ts';
import type { ExcludedResult, Round, RoundResult } from './facilitation.ts';
import type { Role } from './roles.ts';
import { atMost, oneLineText } from './text-rules.ts';

export { FOLLOW_UP_STATUSES };
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * A calendar date, YYYY-MM-DD, that exists, from the year 1900 on: a year like 0027 is "27"
 * typed into a date field (QA: "Overdue by 730385 days", and DTSTART 00270315 in calendars).
 */
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use YYYY-MM-DD', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a calendar date')
  .refine((value) => value >= '1900', 'use a four-digit year from 1900 on');

/** A date field a form sent empty (`""`): no date, as `notes: ""` is no notes. */
const dueSchema = z.union([z.literal(''), dateSchema], { error: 'use YYYY-MM-DD' });

/**
 * Who takes a follow-up forward: a board member, or a free-text name and e-mail. `null` leaves
 * it unassigned (stored and returned as `{ name: "" }`), to be given an owner later.
 *
 * An owner as a follow-up returns it is taken back as it is (a script copying one follow-up's
 * owner to another): a member's `name` beside `memberId` is ignored (their name now is used),
 * and `{ name: "" }` is nobody yet (`{ name: "", email: "" }` too: a form left blank).
 */
export const ownerSchema = z.union(
  [
    z.strictObject({ memberId: z.string().min(1).max(200), name: z.string().max(1000).optional() }),
    z.strictObject({
      name: oneLineText('owner name', 120),
      // Empty, as a form's field left blank sends it: no e-mail.
      email: z.union([z.literal(''), z.string().trim().email().max(254)]).optional(),
    }),
    // Nobody yet, as a follow-up returns it or a form left blank sends it.
    z.strictObject({ name: z.literal(''), email: z.literal('').optional() }).transform(() => null),
  ],
  {
    error:
      'an owner is { "memberId" } for a member of the board, { "name", "email"? } for someone else, or null for nobody yet',
  },
);

const followUpTitle = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .refine(...atMost(300));
const followUpNotes = z.string().refine(...atMost(5000));

export const createFollowUpBody = z.strictObject({
  itemId: z.string().min(1).max(200),
  /** Defaults to the item's text (or title). */
  title: followUpTitle.optional(),
  /** Omitted or null: unassigned. */
  owner: ownerSchema.nullable().optional(),
  /** null, "" or left out: none (as PATCH clears them). */
  due: dueSchema.nullable().optional(),
  status: z.enum(FOLLOW_UP_STATUSES).default('open'),
  notes: followUpNotes.nullable().optional(),
});
export type CreateFollowUpBody = z.input<typeof createFollowUpBody>;

export const updateFollowUpBody = z
  .strictObject({
    title: followUpTitle.optional(),
    /** null makes it unassigned again. */
    owner: ownerSchema.nullable().optional(),
    due: dueSchema.nullable().optional(),
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    notes: followUpNotes.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');
export type UpdateFollowUpBody = z.input<typeof updateFollowUpBody>;

export const followUpsFromRoundBody = z.strictObject({
  roundId: z.string().min(1).max(200),
  top: z.number().int().min(1).max(100),
  /**
   * Owner for every new follow-up. Omitted or null: unassigned, so the facilitator gives each
   * its own owner afterwards (top results rarely all go to one person, least of all to the
   * facilitator who clicked).
   */
  owner: ownerSchema.nullable().optional(),
  due: dueSchema.nullable().optional(),
});

export type FollowUpsFromRoundBody = z.input<typeof followUpsFromRoundBody>;

/** `name` is empty (and there is no memberId or email) only when nobody owns it yet. */
export interface FollowUpOwner {
  name: string;
  email?: string;
  memberId?: string;
}

/** The owner of an unassigned follow-up. */
export const UNASSIGNED: Readonly<FollowUpOwner> = Object.freeze({ name: '' });

/** True when nobody owns the follow-up yet. */
export function isUnassigned(owner: FollowUpOwner): boolean {
  return owner.name === '' && owner.memberId === undefined;
}

export interface FollowUp {
  id: string;
  itemId: string;
  title: string;
  owner: FollowUpOwner;
  due?: string;
  status: FollowUpStatus;
  notes?: string;
  createdAt: string;
  updatedAt: string;
}

/** `name` null is an unnamed snapshot, as one returns it. */
export const createSnapshotBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .refine(...atMost(200))
    .nullish(),
});

export type SnapshotReason = 'manual' | 'periodic' | 'before_round' | 'before_restore';

export interface Snapshot {
  id: string;
  /** Named snapshots are kept forever; automatic ones are thinned with age. */
  name: string | null;
  reason: SnapshotReason;
  /**
   * `before_round` only: the round that opened just after it. Absent on snapshots stored
   * before Ideamill recorded it (those say only that a round opened), and when the round never
   * opened (the server stopped between the snapshot and the round).
   */
  round?: SnapshotRound;
  createdAt: string;
  /** Size of the stored document state. */
  bytes: number;
}

/** The voting round a snapshot was taken before, as it was titled when it opened. */
export interface SnapshotRound {
  id: string;
  title: string;
}

export const EXPORT_FORMATS = ['md', 'csv', 'json', 'svg', 'ics', 'agenda'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_TABLES = ['items', 'followups', 'concepts'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** How a CSV export is cut: which table, and the character between fields. */
export interface CsvOptions {
  table?: CsvTable;
  separator?: CsvSeparator;
}

/**
 * The separator a spreadsheet expects where numbers are written as in `locale` (the runtime's
 * own when unset: a browser's language, a process's LANG or LC_ALL): `semicolon` where 1.5 is
 * written 1,5 (Excel in Finnish opens a comma-separated file all in one column), else `comma`.
 */
export function spreadsheetSeparator(locale?: string): CsvSeparator {
  try {
    return new Intl.NumberFormat(locale).format(1.5).includes(',') ? 'semicolon' : 'comma';
  } catch {
    return 'comma';
  }
}

/** Whether `name` is a time zone this runtime knows by its IANA name (`Europe/Helsinki`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA name of the time zone this browser or process keeps time in (a process's from TZ,
 * else the system's); undefined where it has none (TZ set to a POSIX rule such as `EET-2`).
 */
export function localTimeZone(): string | undefined {
  const zone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : undefined;
}

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS),
  snapshot: z.string().min(1).max(200).optional(),
  /** csv only: `items` (default) or `followups`. */
  table: z.enum(CSV_TABLES).default('items'),
  /**
   * csv only: `comma` (default, RFC 4180), or `semicolon`, what a spreadsheet expects where
   * the decimal mark is a comma (Excel in Finnish opens such a file in columns).
   */
  separator: z.enum(CSV_SEPARATORS).default('comma'),
  /**
   * md and agenda: the IANA time zone their times are shown in (`Europe/Helsinki`), UTC when
   * unset. Checked with isTimeZone by the route, which answers `invalid_time_zone`.
   */
  tz: z.string().min(1).max(100).optional(),
});

/**
 * An item as exports see it: the board document's fields plus `z`, its stacking order within
 * its layer (frames, connectors, the rest) when the board gave it one.
 */
export type ExportItem = StackedItem;

/** Everything an export needs, gathered once; every format is a pure function of it. */
export interface BoardExport {
  format: 'ideamill.board-export';
  version: 1;
  exportedAt: string;
  board: Board;
  /** Set when the export is of a snapshot rather than the live board. */
  snapshot: { id: string; name: string | null; createdAt: string } | null;
  /** Everyone who joined; `removed` where a facilitator took them off the board since. */
  members: { id: string; name: string; role: Role; removed?: true }[];
  items: ExportItem[];
  /** Every round, oldest first; results only for closed rounds. */
  rounds: { round: Round; results: RoundResult[]; excluded: ExcludedResult[] }[];
  followUps: FollowUp[];
}
