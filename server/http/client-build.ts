/**
 * Which build of the web client this server serves: the entry script its index.html names
 * (`/assets/index-<hash>.js`, a content hash). Sent to every Socket.io client in
 * `board:welcome`; a page that loaded another build sees that the server was upgraded under it
 * and offers a reload (QA, upgrades: pages kept running the old client for good).
 */
import fs from 'node:fs';
import path from 'node:path';

const ENTRY = /<script\b[^>]*\btype="module"[^>]*\bsrc="(\/assets\/[^"]+\.js)"/;

/** The entry script of `clientDir`'s index.html; undefined where there is no build to read. */
export function clientBuild(clientDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8').match(ENTRY)?.[1];
  } catch {
    return undefined;
  }
}
