import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../../server/util/make-directory.ts';

describe('makeDirectory', () => {
  const root = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ideamill-mkdir-'));

  it('makes every missing level, with the mode given, and takes one that is there', () => {
    const dir = path.join(root(), 'a', 'b', 'c');
    makeDirectory(dir, 0o700);
    makeDirectory(dir, 0o700);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(dir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a file in its place, and a level that cannot be made', () => {
    const file = path.join(root(), 'file');
    fs.writeFileSync(file, 'x');
    expect(() => makeDirectory(file)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeDirectory(path.join(file, 'below'))).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
    expect(() => makeDirectory('/proc/ideamill-test/a')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});
