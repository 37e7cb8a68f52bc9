import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { diskFull, MIN_FREE_BYTES, tooFull } from '../../server/store/disk-space.ts';

describe('a disk without room for the database', () => {
  it('is one with less than MIN_FREE_BYTES free for the server, in blocks of any size', () => {
    expect(tooFull({ bavail: 0, bsize: 4096 })).toBe(true);
    expect(tooFull({ bavail: MIN_FREE_BYTES / 4096 - 1, bsize: 4096 })).toBe(true);
    expect(tooFull({ bavail: MIN_FREE_BYTES / 4096, bsize: 4096 })).toBe(false);
    expect(tooFull({ bavail: MIN_FREE_BYTES / 512, bsize: 512 })).toBe(false);
  });

  it('is not decided for a directory it cannot look at: the writes say what is wrong', () => {
    expect(diskFull('/nonexistent/ideamill')).toBe(false);
    expect(diskFull(os.tmpdir())).toBe(tooFull(fs.statfsSync(os.tmpdir())));
  });
});
