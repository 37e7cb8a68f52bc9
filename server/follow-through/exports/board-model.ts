/**
 * Reading a BoardExport the way every format needs it: who a member id is, reading order, a
 * moment on the reader's clock. Which frame an item sits in is the board's own rule,
 * shared/frame-lookup.ts, which the outline reads a board by too, as an item's box and words and
 * the order the board draws items in are (shared/geometry.ts, board-document.ts, drawing-order.ts).
 */
import { type Item, itemText } from '../../../shared/board-document.ts';
import type { BoardExport, FollowUp } from '../../../shared/follow-through.ts';

export type ConceptItem = Extract<Item, { type: 'concept' }>;
export type NoteItem = Extract<Item, { type: 'note' | 'text' }>;

/** Top-to-bottom, then left-to-right: the order people read a board in. Ids break ties. */
export function byReadingOrder(a: Item, b: Item): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Soonest due date first, undated ones last; otherwise as they came (the order they were made). */
export function byDueDate(a: FollowUp, b: FollowUp): number {
  if (a.due === b.due) return 0;
  if (a.due === undefined) return 1;
  if (b.due === undefined) return -1;
  return a.due < b.due ? -1 : 1;
}

/** Member names by id; an author who is no longer a member simply has no name. */
export function memberNames(model: BoardExport): Map<string, string> {
  return new Map(model.members.map((member) => [member.id, member.name]));
}

/** One line for places a line break would break (table cells, headings, CSV headers). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A moment for people, on the clock of `timeZone` (an IANA name the caller has checked):
 * 2025-03-14T10:30:00.000Z is "2025-03-14 10:30 UTC", in Europe/Helsinki "2025-03-14 12:30
 * (UTC+02:00)". The offset, not a short name: ICU has "EET" for few zones, and "GMT+2" or a
 * name in another language for the rest. Anything unparsable is shown as given.
 */
export function formatTimestamp(iso: string, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = wallClock(date, timeZone);
  const time = `${clock.day} ${pad(clock.hour)}:${pad(clock.minute)}`;
  if (clock.offsetMinutes === 0) return `${time} UTC`;
  const sign = clock.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(clock.offsetMinutes);
  return `${time} (UTC${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)})`;
}

/** The day a moment falls on in `timeZone`, YYYY-MM-DD; if unparsable, its first 10 characters. */
export function calendarDay(iso: string, timeZone = 'UTC'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return wallClock(date, timeZone).day;
}

interface WallClock {
  /** YYYY-MM-DD */
  day: string;
  hour: number;
  minute: number;
  /** Local time minus UTC, in minutes: 120 in Helsinki in winter, 180 in summer. */
  offsetMinutes: number;
}

/** The last zone's formatter: making one takes 0.1 ms, and an export reads its times in one. */
let lastFormat: { timeZone: string; format: Intl.DateTimeFormat } | undefined;

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  if (lastFormat?.timeZone !== timeZone) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    lastFormat = { timeZone, format };
  }
  return lastFormat.format;
}

/** What a clock and a calendar on the wall in `timeZone` say at `date`. */
function wallClock(date: Date, timeZone: string): WallClock {
  const parts = wallFormat(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((found) => found.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const [hour, minute, second] = [part('hour'), part('minute'), part('second')];
  // The wall clock read as if it were UTC, less the moment itself, is the zone's offset.
  // setUTCFullYear, not Date.UTC, which would put the years 0–99 in the 1900s.
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hour, minute, second);
  const moment = Math.floor(date.getTime() / 1000) * 1000;
  return {
    day: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`,
    hour,
    minute,
    offsetMinutes: Math.round((asUtc.getTime() - moment) / 60_000),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A follow-up owner's name: as written, else the member's current name. */
export function ownerName(owner: FollowUp['owner'], names: ReadonlyMap<string, string>): string {
  return owner.name || (owner.memberId ? names.get(owner.memberId) : undefined) || '';
}

/**
 * Whether a follow-up's title is its item's words (one made from the top results takes them):
 * then the agenda and the calendar name the item once, not twice (QA: "**Mentoring** —
 * Mentoring · In progress").
 */
export function titleIsItem(followUp: Pick<FollowUp, 'title'>, item: Item | undefined): boolean {
  return item !== undefined && oneLine(followUp.title) === oneLine(itemText(item));
}

/** Each item's follow-ups but the dropped ones, by item id: a dropped one takes nothing forward. */
export function liveFollowUps(model: Pick<BoardExport, 'followUps'>): Map<string, FollowUp[]> {
  const byItem = new Map<string, FollowUp[]>();
  for (const followUp of model.followUps) {
    if (followUp.status === 'dropped') continue;
    const theirs = byItem.get(followUp.itemId);
    if (theirs) theirs.push(followUp);
    else byItem.set(followUp.itemId, [followUp]);
  }
  return byItem;
}
