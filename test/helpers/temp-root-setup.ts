/**
 * Vitest global setup: every data directory a test makes (`tempDataDir`) goes under one
 * directory for the run, removed when the run ends, so test runs do not pile up SQLite files
 * in the system's temp directory. Workers inherit the variable: they start after this runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEST_TMP_VARIABLE = 'IDEAMILL_TEST_TMP';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-tests-'));
  process.env[TEST_TMP_VARIABLE] = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
