import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneOldAssets } from '../../scripts/build-client.ts';

const MINUTE = 60_000;

describe('pruning the assets of earlier builds', () => {
  it('waits 15 minutes from the build that left an asset out, however old the asset is (QA, upgrades)', () => {
    const client = fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-assets-'));
    const dir = path.join(client, 'assets');
    fs.mkdirSync(dir);
    for (const name of ['index-new.js', 'Panels-old.js', 'Panels-old.js.gz']) {
      fs.writeFileSync(path.join(dir, name), 'x');
    }
    // The old build is a day old: a page loaded from it still asks for its lazy parts.
    const dayAgo = new Date(Date.now() - 24 * 60 * MINUTE);
    fs.utimesSync(path.join(dir, 'Panels-old.js'), dayAgo, dayAgo);
    const current = new Set(['index-new.js']);
    const start = Date.now();
    pruneOldAssets(dir, current, start);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'Panels-old.js',
      'Panels-old.js.gz',
      'index-new.js',
    ]);
    // Another build 10 minutes later keeps them still; one after 16 minutes removes them.
    pruneOldAssets(dir, current, start + 10 * MINUTE);
    expect(fs.readdirSync(dir)).toHaveLength(3);
    pruneOldAssets(dir, current, start + 16 * MINUTE);
    expect(fs.readdirSync(dir)).toEqual(['index-new.js']);
    // An asset named again by a later build starts over when it is left out once more.
    fs.writeFileSync(path.join(dir, 'Panels-old.js'), 'x');
    pruneOldAssets(dir, new Set(['index-new.js', 'Panels-old.js']), start + 17 * MINUTE);
    pruneOldAssets(dir, current, start + 40 * MINUTE);
    expect(fs.readdirSync(dir).sort()).toEqual(['Panels-old.js', 'index-new.js']);
    fs.rmSync(client, { recursive: true, force: true });
  });
});
