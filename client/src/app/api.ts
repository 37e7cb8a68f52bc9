/** The HTTP API from the browser: JSON in and out, errors as ApiError with the server's code. */
import type { ErrorResponse } from '../../../shared/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A rate limit's Retry-After: how many seconds until trying again can succeed. */
    readonly retryAfterSec: number | null = null,
  ) {
    super(message);
  }
}

/**
 * A proxy's own answers while the server behind it is down (a restart during an upgrade):
 * the server could not be reached, as when there is no network, and the page tries again.
 */
const GATEWAY_DOWN: ReadonlySet<number> = new Set([502, 503, 504]);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** How long an HTTP request may wait for the whole answer. */
const REQUEST_TIMEOUT_MS = 20_000;

export async function apiRequest<T>(
  route: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // A request nobody answers (a proxy that holds it, a link that died) ends in words, not in
  // "Loading…" for good (QA). A timer, not AbortSignal.timeout: it keeps the page's clock.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(route, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) {
      throw new ApiError(0, 'timed_out', 'The server did not answer in time.');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok && GATEWAY_DOWN.has(response.status) && !isJson(text)) {
    throw new ApiError(response.status, 'unreachable', `${response.status} from a proxy`);
  }
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (body as ErrorResponse | null)?.error;
    const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return body as T;
}

/** Bound to one board and member token: `api('/rounds')` is `/api/boards/:id/rounds`. */
export type BoardApi = <T>(route: string, init?: { method?: string; body?: unknown }) => Promise<T>;

export function boardApi(boardId: string, token: string): BoardApi {
  return (route, init = {}) => apiRequest(`/api/boards/${boardId}${route}`, { ...init, token });
}
