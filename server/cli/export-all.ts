/** `ideamill export --all`: every board's export, one file each, into one directory. */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '../../shared/follow-through.ts';
import { AppError } from '../errors.ts';
import {
  type ExportOptions,
  exportFilename,
  renderExport,
} from '../follow-through/exports/index.ts';
import type { createServices } from '../services.ts';
import { makeDirectory } from '../util/make-directory.ts';

type Services = ReturnType<typeof createServices>;

/**
 * Writes each board's export (or each `titled` one's) into `out` (made if missing), named as the
 * web download names it;
 * boards whose titles give the same name all get their id added to it. A file already there is
 * never overwritten, and a board that fails does not stop the others: each is reported, and the
 * exit code is 1 if any board was left out.
 */
export function exportAll(
  { boards, documents, followThrough }: Services,
  out: string,
  format: ExportFormat,
  options: ExportOptions,
  /** Only the boards whose title has these words in it (any case): one day's team boards. */
  titled?: string,
): number {
  const dir = path.resolve(out);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    throw new Error(`${dir} is a file: --out with --all names the directory to write into`);
  }
  makeDirectory(dir);
  // None deleted: one a restore brought back was deleted again as the services started.
  const wanted = titled?.normalize('NFC').toLocaleLowerCase();
  const all = boards
    .list()
    .filter(
      (board) => !wanted || board.title.normalize('NFC').toLocaleLowerCase().includes(wanted),
    );
  if (titled !== undefined && all.length === 0) {
    console.error(`No board's title has "${titled}" in it: nothing written to ${dir}`);
    return 1;
  }
  const names = all.map((board) => exportFilename({ board, snapshot: null }, format, options));
  const clashes = new Set(names.filter((name, index) => names.indexOf(name) !== index));
  let written = 0;
  let failed = 0;
  for (const [index, board] of all.entries()) {
    const name = names[index] as string;
    // The whole id: the first characters of a UUIDv7 are its time, shared by boards made together.
    const file = path.join(
      dir,
      clashes.has(name) ? name.replace(/\.\w+$/, `-${board.id}$&`) : name,
    );
    const which = `"${board.title}" (${board.id})`;
    try {
      const { exports } = followThrough;
      const names = exports.namesShown(board.id);
      const { body } = renderExport(exports.gather(board.id), format, { ...options, names });
      fs.writeFileSync(file, body, { flag: 'wx' });
      written++;
      console.error(`Wrote ${file} (${Buffer.byteLength(body)} bytes; ${which})`);
    } catch (error) {
      failed++;
      console.error(`Did not export ${which}: ${failure(error, file)}`);
    } finally {
      // One board in memory at a time, however many there are.
      documents.release();
    }
  }
  const files = `${written} file${written === 1 ? '' : 's'}`;
  const left = `${failed} board${failed === 1 ? '' : 's'} not exported (see above)`;
  console.error(`Wrote ${files} to ${dir}${failed ? `; ${left}` : ''}`);
  return failed ? 1 : 0;
}

function failure(error: unknown, file: string): string {
  if ((error as { code?: string }).code === 'EEXIST') {
    return `${file} exists already, and is left as it is; move it away or choose another --out`;
  }
  if (error instanceof AppError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
