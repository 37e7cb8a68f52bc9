/**
 * Follow-up due dates as an iCalendar file (RFC 5545) that calendar apps import: one all-day
 * event per dated follow-up. UIDs are stable per follow-up and SEQUENCE grows with every
 * change, so importing a newer export updates the events instead of duplicating them.
 */

import { type Item, itemText } from '../../../shared/board-document.ts';
import { type BoardExport, type FollowUp, isUnassigned } from '../../../shared/follow-through.ts';
import { memberNames, oneLine, ownerName, titleIsItem } from './board-model.ts';
import { type ExportLabels, labelsFor } from './labels.ts';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * Every follow-up event is CONFIRMED except dropped ones. A finished follow-up stays
 * CONFIRMED rather than CANCELLED: calendars hide or strike out cancelled events, which would
 * make done work look abandoned; its DESCRIPTION says "Status: Done". (NEEDS-ACTION is a
 * to-do status, not allowed on a VEVENT.)
 */
const EVENT_STATUS: Record<FollowUp['status'], 'CONFIRMED' | 'CANCELLED'> = {
  open: 'CONFIRMED',
  in_progress: 'CONFIRMED',
  done: 'CONFIRMED',
  dropped: 'CANCELLED',
};

/** TEXT value escaping (RFC 5545 §3.3.11); other control characters are not allowed in TEXT. */
export function icsText(value: string): string {
  return (
    value
      .replace(/[\\;,]/g, '\\$&')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 5545 forbids them in TEXT
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF plus one space before each
 * continuation. Cuts only between code points, so a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** An ISO timestamp as a UTC DATE-TIME, 20250314T103000Z. */
function utcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${iso}`);
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * YYYY-MM-DD → [DTSTART, DTEND) as DATE values; null when it is not a calendar date. Read as
 * the API reads it (Date.UTC would put years 0–99 in the 1900s); a date on 9999-12-31 has no
 * DTEND (a DATE has four-digit years), which iCalendar reads as one day as well.
 */
function allDay(due: string): [string, string | null] | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return null;
  const start = new Date(`${due}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || !start.toISOString().startsWith(due)) return null;
  const end = new Date(start.getTime() + 86_400_000);
  const basic = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');
  return [basic(start), end.getUTCFullYear() <= 9999 ? basic(end) : null];
}

/**
 * RFC 5545 §3.8.7.4: a revised event must carry a higher SEQUENCE, or a calendar that has
 * imported it may keep the old date. A follow-up keeps no revision count, but every change
 * moves its updatedAt on, so the whole seconds since it was created only ever grow (capped at
 * the INTEGER maximum, 68 years).
 */
function sequence(createdMs: number, updatedMs: number): number {
  return Math.min(2 ** 31 - 1, Math.max(0, Math.floor((updatedMs - createdMs) / 1000)));
}

export function toIcs(model: BoardExport): string {
  const labels = labelsFor(model.board.language);
  const stamp = utcDateTime(model.exportedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ideamill//Board export 1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(model.board.title)}`,
  ];
  // Looked up once for the file: per follow-up, a search of a board's items took seconds (QA).
  const byId = new Map<string, Item>();
  for (const item of model.items) if (!byId.has(item.id)) byId.set(item.id, item);
  const context = { byId, names: memberNames(model) };
  for (const followUp of model.followUps) {
    const event = vevent(model, context, followUp, stamp, labels);
    if (event) lines.push(...event);
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function vevent(
  model: BoardExport,
  { byId, names }: { byId: ReadonlyMap<string, Item>; names: ReadonlyMap<string, string> },
  followUp: FollowUp,
  stamp: string,
  labels: ExportLabels,
): string[] | null {
  const dates = followUp.due ? allDay(followUp.due) : null;
  if (!dates) return null;
  const item = byId.get(followUp.itemId);
  const unassigned = isUnassigned(followUp.owner);
  const owner = unassigned ? labels.unassigned : ownerName(followUp.owner, names);
  const description = [
    `${labels.owner}: ${owner}${followUp.owner.email ? ` <${followUp.owner.email}>` : ''}`,
    `${labels.status}: ${labels.statuses[followUp.status] ?? followUp.status}`,
    // On its one line: a note's second line read as another entry of the description (QA).
    ...(item && itemText(item).trim() && !titleIsItem(followUp, item)
      ? [`${labels.item}: ${oneLine(itemText(item))}`]
      : []),
    ...(followUp.notes?.trim() ? [`${labels.notes}: ${followUp.notes.trim()}`] : []),
    `${labels.board}: ${model.board.title}`,
  ].join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${icsText(followUp.id)}@ideamill`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${dates[0]}`,
    ...(dates[1] ? [`DTEND;VALUE=DATE:${dates[1]}`] : []),
    // A deadline nobody owns says so where a calendar shows it, not only in the description.
    `SUMMARY:${icsText(unassigned ? `${followUp.title} (${labels.owner}: ${labels.unassigned})` : followUp.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    `STATUS:${EVENT_STATUS[followUp.status] ?? 'CONFIRMED'}`,
    // A deadline is not a meeting: it must not mark anyone busy for the day.
    'TRANSP:TRANSPARENT',
  ];
  const created = Date.parse(followUp.createdAt);
  const updated = Date.parse(followUp.updatedAt);
  if (!Number.isNaN(created)) lines.push(`CREATED:${utcDateTime(followUp.createdAt)}`);
  if (!Number.isNaN(created) && !Number.isNaN(updated)) {
    lines.push(`SEQUENCE:${sequence(created, updated)}`);
  }
  if (!Number.isNaN(Date.parse(followUp.updatedAt))) {
    lines.push(`LAST-MODIFIED:${utcDateTime(followUp.updatedAt)}`);
  }
  lines.push('END:VEVENT');
  return lines;
}
