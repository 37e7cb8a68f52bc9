/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns for a path under /proc
 * (operator QA: DATA_DIR=/proc/ideamill hung the start with nothing said), where creating a
 * directory fails with ENOENT though its parent exists. Here that ENOENT is thrown.
 */
import fs from 'node:fs';
import path from 'node:path';

export function makeDirectory(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      fs.mkdirSync(level, { mode });
    } catch (error) {
      // Made meanwhile by someone else: as good.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw Object.assign(new Error('ENOTDIR: something else is there'), { code: 'ENOTDIR' });
  }
}
