/**
 * Builds the web client into dist/client unless the sources are unchanged since the last
 * build: `npm start` and the browser tests call this, so a second start costs nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'dist/client');
const STAMP = path.join(OUT_DIR, '.source-hash');
const INPUTS = ['client', 'shared', 'package-lock.json'];

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((dirent) => dirent.name !== 'node_modules' && dirent.name !== 'dist')
    .flatMap((dirent) => files(path.join(entry, dirent.name)))
    .sort();
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex');
}

export async function buildClient(options: { force?: boolean; quiet?: boolean } = {}) {
  const hash = sourceHash();
  const upToDate = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;
  if (upToDate && !options.force) return { built: false, outDir: OUT_DIR };
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'client/vite.config.ts'),
    logLevel: options.quiet ? 'warn' : 'info',
  });
  writeFileSync(STAMP, hash);
  return { built: true, outDir: OUT_DIR };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { built } = await buildClient({ force: process.argv.includes('--force') });
  if (!built) console.log('client build is up to date (dist/client)');
}
