/**
 * The passcode some servers ask for to create boards (the operator's CREATE_TOKEN), kept in
 * this browser's localStorage once it has worked, so that a facilitator types it once. It
 * creates boards and nothing else: it opens no board and deletes none.
 */
const STORAGE_KEY = 'ideamill.createToken';

export function loadCreateToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the passcode is asked for each time.
    return null;
  }
}

export function saveCreateToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(STORAGE_KEY, token);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {}
}
