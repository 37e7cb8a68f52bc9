/**
 * The browser's storage, where the browser allows it. Blocked site data (a "block all cookies"
 * setting, or third-party storage for a board framed in another site) makes every access
 * throw: then nothing is kept, and the page works for as long as it is open (QA: the whole
 * page had stayed blank).
 */
type Area = 'local' | 'session';

const storageOf = (area: Area): Storage =>
  area === 'local' ? window.localStorage : window.sessionStorage;

export function readStored(key: string, area: Area = 'local'): string | null {
  try {
    return storageOf(area).getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`, or forgets the key where `value` is null. */
export function writeStored(key: string, value: string | null, area: Area = 'local'): void {
  try {
    if (value === null) storageOf(area).removeItem(key);
    else storageOf(area).setItem(key, value);
  } catch {}
}

/** The keys in `area` that start with `prefix` (none where storage is blocked). */
export function storedKeys(prefix: string, area: Area = 'local'): string[] {
  try {
    const storage = storageOf(area);
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch {
    return [];
  }
}
