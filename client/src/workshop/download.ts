/**
 * Exports need the member's bearer token, which a plain link cannot send: fetch with the
 * header, then hand the body to the browser as a Blob download with the server's file name.
 */
import type { ErrorResponse } from '../../../shared/errors.ts';
import { ApiError } from '../app/api.ts';
import type { BoardSession } from '../board/board-session.ts';

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

export function exportRoute(
  choice: ExportChoice,
  snapshotId?: string,
  locale = navigator.language,
): string {
  const params = new URLSearchParams();
  const table = CSV_TABLE[choice];
  params.set('format', table ? 'csv' : choice);
  if (table && table !== 'items') params.set('table', table);
  if (table && usesDecimalComma(locale)) params.set('separator', 'semicolon');
  if (snapshotId) params.set('snapshot', snapshotId);
  return `/export?${params}`;
}

/**
 * Whether numbers are written 1,5 where this person is: there a spreadsheet separates a CSV's
 * fields with semicolons (Excel in Finnish opens a comma-separated file all in one column).
 */
export function usesDecimalComma(locale: string): boolean {
  try {
    return new Intl.NumberFormat(locale).format(1.5).includes(',');
  } catch {
    return false;
  }
}

export async function fetchExport(session: BoardSession, route: string): Promise<Response> {
  const response = await fetch(`/api/boards/${session.board.id}${route}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!response.ok) {
    // The server's code when it sent one (snapshot_not_found); a proxy's error page has none.
    const body = (await response.json().catch(() => null)) as ErrorResponse | null;
    const code = body?.error?.code ?? 'http_error';
    throw new ApiError(response.status, code, body?.error?.message ?? response.statusText);
  }
  return response;
}

/**
 * Why a download failed, in the words a person can act on: the server could not be reached
 * (offline, or it is down), the version is no longer kept (thinned out), or anything else.
 */
export type DownloadProblem = 'unreachable' | 'gone' | 'failed';

export function downloadProblem(error: unknown): DownloadProblem {
  if (error instanceof ApiError) return error.code === 'snapshot_not_found' ? 'gone' : 'failed';
  // fetch rejects with a TypeError when no answer came at all.
  return error instanceof TypeError ? 'unreachable' : 'failed';
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
  const stem = `${safeName(session.board.title)}${snapshotId ? '-snapshot' : ''}`;
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
