// Which words a folder problem gets, by the error the file system gave. The real faults (a file in
// the folder's place, a read-only drive) are made in tests/integration/dataFolder.test.ts; a folder
// this account may not read cannot be made there, because the tests run as root and root ignores
// file modes, so its error is named here as Node names it.
import { describe, expect, it } from 'vitest';
import { folderError } from '../../db/dataFolder';

const fsError = (code: string) => Object.assign(new Error(code), { code });

describe('a folder problem, told apart from a damaged caseload', () => {
  it('no permission to write: the read-only words, for set-up and for opening', () => {
    expect(folderError(fsError('EACCES'), 'set up')).toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/cannot be written to, so the caseload cannot be set up there/) });
    expect(folderError(fsError('EROFS'), 'open')).toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/cannot be written to, so the caseload cannot be opened/) });
  });

  it('no permission to read (the key file, say): not allowed to read its folder', () => {
    expect(folderError(fsError('EPERM'), 'open', 'read')).toMatchObject({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/not allowed to read its folder/) });
  });

  it('a file in the way, or no folder at all: their own words', () => {
    expect(folderError(fsError('ENOTDIR'), 'open')).toMatchObject({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/there is a file where the folder should be/) });
    expect(folderError(fsError('EEXIST'), 'set up')).toMatchObject({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/there is a file where the folder should be/) });
    expect(folderError(fsError('ENOENT'), 'open')).toMatchObject({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/cannot be found/) });
  });

  it('anything else is not a folder problem: the caller decides (a damaged file, say)', () => {
    expect(folderError(fsError('SQLITE_NOTADB'), 'open')).toBeNull();
    expect(folderError(new Error('no code'), 'open')).toBeNull();
  });
});
