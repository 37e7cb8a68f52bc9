/**
 * "Leave…" where the server could not be reached (a workshop's Wi-Fi gone, the server
 * restarting): the browser forgets the membership at once, but the device's token stays valid
 * on the server until the server hears of it. So the token is kept here, and nothing else of
 * the board, until the device is signed out: the next time a page of Ideamill opens with the
 * server reachable, or the browser says it is online again (DELETE …/devices/current, API.md).
 */
import { ApiError, apiRequest } from './api.ts';
import { readStored, writeStored } from './storage.ts';

interface Leaving {
  boardId: string;
  token: string;
}

const KEY = 'ideamill.signOutLater';

function read(): Leaving[] {
  try {
    const parsed: unknown = JSON.parse(readStored(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (each): each is Leaving =>
        typeof each?.boardId === 'string' && typeof each?.token === 'string',
    );
  } catch {
    return [];
  }
}

function write(leaving: Leaving[]): void {
  writeStored(KEY, leaving.length > 0 ? JSON.stringify(leaving) : null);
}

/**
 * Signs this device out of the board: asked at once, and the token kept until the server has
 * answered (signOutLeft() below tries again). Where storage is blocked, it is asked once.
 */
export function signOutDevice(boardId: string, token: string): Promise<void> {
  write([...read().filter((each) => each.token !== token), { boardId, token }]);
  return ask({ boardId, token });
}

/**
 * Where the server did not answer: the network, a proxy's 502–504 or a timeout (as `apiRequest`
 * says it), a server error or a rate limit. Any other answer means the token is signed out now,
 * or was already, or its board is gone: nothing is left to do.
 */
function unanswered(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/**
 * Signs out each device left while the server could not be reached; what the server answered
 * is forgotten, the rest is kept for the next try. Resolves once each has been tried.
 */
async function signOutLeft(): Promise<void> {
  await Promise.all(read().map(ask));
}

async function ask({ boardId, token }: Leaving): Promise<void> {
  try {
    await apiRequest(`/api/boards/${encodeURIComponent(boardId)}/devices/current`, {
      method: 'DELETE',
      token,
    });
  } catch (error) {
    if (unanswered(error)) return;
  }
  // Read again: another tab may have changed the list meanwhile.
  write(read().filter((each) => each.token !== token));
}

/** Tries at once and whenever the browser is online again, for as long as the page is open. */
export function keepSigningOutLeft(): void {
  if (read().length > 0) void signOutLeft();
  window.addEventListener('online', () => {
    if (read().length > 0) void signOutLeft();
  });
}
