// `npm run harness -- --data-dir DIR` with a folder that is not there yet: the harness makes it
// (set-up then finds a folder, not a missing one); one it cannot make is refused in plain words.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../harness/dataDir';
import { tempDir } from '../support/workspace';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir('harness-data-')));
afterEach(() => cleanup());

describe('the harness’s data folder', () => {
  it('is made, with any folders above it, for this account only', () => {
    const dir = join(root, 'new-folder', 'caseload');
    prepareDataDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('an existing folder is used as it is', () => {
    const dir = join(root, 'kept');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    prepareDataDir(dir);
    expect(statSync(join(dir, 'notes.txt')).size).toBe(4);
  });

  it('a file where the folder (or one above it) should be: refused with what is wrong and what to do', () => {
    writeFileSync(join(root, 'caseload'), '');
    expect(() => prepareDataDir(join(root, 'caseload'))).toThrow(`The harness cannot use ${join(root, 'caseload')} as its data folder: there is a file where the folder should be. Choose another folder with --data-dir.`);
    expect(() => prepareDataDir(join(root, 'caseload', 'below'))).toThrow(/there is a file where one of the folders above it should be/);
  });
});
