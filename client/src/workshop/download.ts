/**
 * Exports need the member's bearer token, which a plain link cannot send: fetch with the
 * header, then hand the body to the browser as a Blob download with the server's file name.
 */
import type { ErrorResponse } from '../../../shared/errors.ts';
import { localTimeZone, spreadsheetSeparator } from '../../../shared/follow-through.ts';
import { ApiError } from '../app/api.ts';
import type { BoardSession } from '../board/board-session.ts';
import { workshopStoreFor } from './workshop-store.ts';

export type ExportChoice =
  | 'md'
  | 'agenda'
  | 'csv'
  | 'csvConcepts'
  | 'csvFollowUps'
  | 'json'
  | 'svg'
  | 'ics';

/** The CSV tables the page offers, by choice (EXPORT.md: `table`). */
const CSV_TABLE: Partial<Record<ExportChoice, string>> = {
  csv: 'items',
  csvConcepts: 'concepts',
  csvFollowUps: 'followups',
};

/** How a download's name ends where the server sent none, if not in `.` and the choice. */
const FALLBACK_ENDINGS: Partial<Record<ExportChoice, string>> = {
  csvConcepts: '-concepts.csv',
  csvFollowUps: '-followups.csv',
  agenda: '-agenda.md',
};

/**
 * A CSV's separator as this person's spreadsheet expects it (`locale`); the report's and the
 * agenda's times on their clock (`timeZone`, the browser's: the board shows local times too).
 */
export function exportRoute(
  choice: ExportChoice,
  snapshotId?: string,
  locale = navigator.language,
  timeZone = localTimeZone(),
): string {
  const params = new URLSearchParams();
  const table = CSV_TABLE[choice];
  params.set('format', table ? 'csv' : choice);
  if (table && table !== 'items') params.set('table', table);
  if (table && spreadsheetSeparator(locale) === 'semicolon') params.set('separator', 'semicolon');
  if (snapshotId) params.set('snapshot', snapshotId);
  // Only the formats that show people times: the others are UTC, for programs (EXPORT.md).
  if (timeZone && (choice === 'md' || choice === 'agenda')) params.set('tz', timeZone);
  return `/export?${params}`;
}

export async function fetchExport(session: BoardSession, route: string): Promise<Response> {
  const response = await fetch(`/api/boards/${session.board.id}${route}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) {
    // The server's code when it sent one (snapshot_not_found); a proxy's error page has none.
    const body = (await response.json().catch(() => null)) as ErrorResponse | null;
    const code = body?.error?.code ?? 'http_error';
    // A zone this browser knows and the server's time-zone data does not (newer than it):
    // the times in UTC, which the file says they are, rather than no file.
    if (code === 'invalid_time_zone') {
      const utc = withoutTimeZone(route);
      if (utc !== route) return fetchExport(session, utc);
    }
    const retryAfterSec =
      typeof body?.error?.retryAfterSec === 'number' ? body.error.retryAfterSec : null;
    throw new ApiError(
      response.status,
      code,
      body?.error?.message ?? response.statusText,
      retryAfterSec,
    );
  }
  return response;
}

function withoutTimeZone(route: string): string {
  const [path = '', query = ''] = route.split('?');
  const params = new URLSearchParams(query);
  if (!params.has('tz')) return route;
  params.delete('tz');
  return `${path}?${params}`;
}

/**
 * Why a download failed, in the words a person can act on: the server could not be reached
 * (offline, or it is down), the version is no longer kept (thinned out), this member's exports
 * came too fast for the server (`rate_limited`, with how many seconds to wait when it said),
 * or anything else.
 */
export interface DownloadProblem {
  kind: 'unreachable' | 'gone' | 'rate_limited' | 'failed';
  waitSec: number | null;
}

export function downloadProblem(error: unknown): DownloadProblem {
  if (error instanceof ApiError) {
    if (error.code === 'snapshot_not_found') return { kind: 'gone', waitSec: null };
    if (error.code === 'rate_limited')
      return { kind: 'rate_limited', waitSec: error.retryAfterSec };
    return { kind: 'failed', waitSec: null };
  }
  // fetch rejects with a TypeError when no answer came at all.
  return { kind: error instanceof TypeError ? 'unreachable' : 'failed', waitSec: null };
}

function fileName(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'board';
}

/** The board as it is now, or as it was in `snapshotId` (the server names that file apart). */
export async function downloadExport(
  session: BoardSession,
  choice: ExportChoice,
  snapshotId?: string,
): Promise<void> {
  const response = await fetchExport(session, exportRoute(choice, snapshotId));
  const title = workshopStoreFor(session).getState().title;
  const stem = `${safeName(title)}${snapshotId ? '-snapshot' : ''}`;
  const fallback = `${stem}${FALLBACK_ENDINGS[choice] ?? `.${choice}`}`;
  const name = fileName(response, fallback);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
