/**
 * Builds the web client into dist/client unless the sources are unchanged since the last
 * build: `npm start` and the browser tests call this, so a second start costs nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'dist/client');
const STAMP = path.join(OUT_DIR, '.source-hash');
// This script is an input too: a change in how the build is made must make a new build.
const INPUTS = ['client', 'shared', 'package-lock.json', 'scripts/build-client.ts'];

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
  // Always the production build: Vite honours a NODE_ENV already set, and vitest sets it to
  // "test", which would give React's development build (twice the size, much slower) to the
  // browser tests and, through this cache, to the next `npm start`.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(ROOT, 'client/vite.config.ts'),
      logLevel: options.quiet ? 'warn' : 'info',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress();
  pruneOldAssets();
  writeFileSync(STAMP, hash);
  if (!options.quiet) printBundleReport(bundleReport());
  return { built: true, outDir: OUT_DIR };
}

/**
 * Writes `name.gz` next to every script and stylesheet: the server hands those to browsers
 * that accept gzip, so a self-hosted server without a compressing proxy still sends about a
 * third of the bytes, compressed once here instead of on every request.
 */
function precompress(): void {
  const dir = path.join(OUT_DIR, 'assets');
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const file = path.join(dir, name);
    // Names carry a content hash: an existing .gz already holds this very content.
    if (existsSync(`${file}.gz`)) continue;
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
}

/** Assets this long unreferenced are gone for good: no open page can still be asking for them. */
const PRUNE_AFTER_MS = 15 * 60_000;

function readManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(path.join(OUT_DIR, '.vite/manifest.json'), 'utf8'));
}

/** File names under assets/ that the current build's manifest names. */
function currentAssets(manifest = readManifest()): Set<string> {
  const current = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      current.add(path.basename(file));
    }
  }
  return current;
}

/**
 * Removes assets the current manifest has not named for PRUNE_AFTER_MS, counted from the build
 * that first left them out (kept in `.unreferenced.json` beside them, which the server does not
 * serve), not from when they were built: a page loaded before an upgrade asks for its lazy
 * parts later, and a build a day old had its parts deleted at once (QA, upgrades).
 */
export function pruneOldAssets(
  dir = path.join(OUT_DIR, 'assets'),
  current = currentAssets(),
  now = Date.now(),
): void {
  const ledgerFile = path.join(dir, '..', '.unreferenced.json');
  let since: Record<string, number> = {};
  try {
    since = JSON.parse(readFileSync(ledgerFile, 'utf8'));
  } catch {
    // None yet, or unreadable: every unreferenced asset starts its wait now.
  }
  const next: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    if (current.has(name.replace(/\.gz$/, ''))) continue;
    const first = since[name] ?? now;
    if (now - first > PRUNE_AFTER_MS) rmSync(path.join(dir, name), { force: true });
    else next[name] = first;
  }
  writeFileSync(ledgerFile, JSON.stringify(next));
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export interface BundleReport {
  /** Every file of the current build under assets/: bytes as served and gzipped. */
  chunks: { file: string; bytes: number; gzip: number }[];
  /** JavaScript a first visit downloads before the page can be used, gzipped, per route. */
  initialJs: { landing: number; board: number };
}

/**
 * What each route loads first, from Vite's manifest: the entry chunk and its static imports,
 * plus the route's own lazy chunk (App loads it at once) and that chunk's static imports.
 */
export function bundleReport(): BundleReport {
  const manifest = readManifest();
  // What the server sends: the precompressed copy where there is one.
  const gzipOf = (file: string) => {
    const full = path.join(OUT_DIR, file);
    if (existsSync(`${full}.gz`)) return statSync(`${full}.gz`).size;
    return gzipSync(readFileSync(full), { level: 9 }).length;
  };
  const closure = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key]?.imports ?? [], seen);
    }
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const route = (name: string) => {
    const lazy = manifest[entry ?? '']?.dynamicImports?.find((key) => key.endsWith(name));
    const keys = closure([entry ?? '', ...(lazy ? [lazy] : [])]);
    let total = 0;
    for (const key of keys) {
      const file = manifest[key]?.file;
      if (file?.endsWith('.js')) total += gzipOf(file);
    }
    return total;
  };
  const assets = Array.from(currentAssets(manifest)).sort();
  return {
    chunks: assets.map((name) => {
      const file = `assets/${name}`;
      return { file, bytes: statSync(path.join(OUT_DIR, file)).size, gzip: gzipOf(file) };
    }),
    initialJs: { landing: route('LandingPage.tsx'), board: route('BoardRoute.tsx') },
  };
}

export function printBundleReport(report: BundleReport): void {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const width = Math.max(...report.chunks.map((chunk) => chunk.file.length));
  console.log('\nbundle (gzip):');
  for (const chunk of [...report.chunks].sort((a, b) => b.gzip - a.gzip)) {
    console.log(
      `  ${chunk.file.padEnd(width)}  ${kb(chunk.bytes).padStart(9)}  gzip ${kb(chunk.gzip)}`,
    );
  }
  console.log(`initial JS, landing page: ${kb(report.initialJs.landing)} gzip`);
  console.log(`initial JS, board page:   ${kb(report.initialJs.board)} gzip`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { built } = await buildClient({ force: process.argv.includes('--force') });
  if (!built) console.log('client build is up to date (dist/client)');
  if (!built && process.argv.includes('--report')) printBundleReport(bundleReport());
}
