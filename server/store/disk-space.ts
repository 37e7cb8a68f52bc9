/**
 * Whether the disk holding DATA_DIR still has room for the database: on a full one every write
 * fails (SQLite's SQLITE_FULL) while the server goes on answering (operator QA: /healthz said
 * ok on a full disk, and only the log told why every change failed).
 */
import fs from 'node:fs';

/** Less than this free for the server's user is a full disk: a commit of one large change and its WAL need about as much. */
export const MIN_FREE_BYTES = 1024 * 1024;

export function diskFull(dataDir: string): boolean {
  let space: { bavail: number; bsize: number };
  try {
    space = fs.statfsSync(dataDir);
  } catch {
    // Not for a health check to decide: the writes themselves say what is wrong.
    return false;
  }
  return tooFull(space);
}

export function tooFull({ bavail, bsize }: { bavail: number; bsize: number }): boolean {
  return bavail * bsize < MIN_FREE_BYTES;
}
