// The packaging test's checks against hand-made packages, so each is known to fail when it
// should: a missing or Linux-only native binary, a loose migration, a test file in the archive,
// softened fuses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPackageWithOptions } from '@electron/asar';
import { afterEach, describe, expect, it } from 'vitest';
import { fuseProblems, loadBuilderConfig } from '../support/builderConfig';
import { APP_ENTRIES, NATIVE_MODULES, windowsPackageProblems } from '../support/packageChecks';
import { isPe32PlusX64 } from '../support/peHeader';

const ROOT = join(import.meta.dirname, '..', '..');
const MIGRATIONS = ['0000_first.sql', '0001_second.sql'];
// electron-winstaller's rcedit.exe, the packaging test's stand-in electron.exe: a real PE32 (i386).
const REAL_PE32 = join(ROOT, 'node_modules', 'electron-winstaller', 'vendor', 'rcedit.exe');

/** The few header bytes isPe32PlusX64 reads: MZ, e_lfanew, PE\0\0, machine, optional magic. */
function fakePe(machine = 0x8664, magic = 0x20b): Buffer {
  const bytes = Buffer.alloc(0x100);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(machine, 0x84);
  bytes.writeUInt16LE(magic, 0x98);
  return bytes;
}
const ELF = Buffer.from('\x7fELF\x02\x01\x01', 'latin1');

function put(file: string, content: string | Buffer = ''): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-package-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A win-unpacked folder as electron-builder lays it out; `files` (archive path → bytes) win. */
async function fakePackage(files: Record<string, string | Buffer | null> = {}): Promise<string> {
  const dir = tempDir();
  const content: Record<string, string | Buffer | null> = {
    ...Object.fromEntries(APP_ENTRIES.map((entry) => [entry, '// built'])),
    'db/migrations/meta/_journal.json': '{"entries":[]}',
    ...Object.fromEntries(MIGRATIONS.map((m) => [`db/migrations/${m}`, 'CREATE TABLE t (x);'])),
    ...Object.fromEntries(NATIVE_MODULES.map((native) => [native.win32Binary, fakePe()])),
    ...files,
  };
  const staging = join(dir, 'staging');
  for (const [path, bytes] of Object.entries(content)) if (bytes !== null) put(join(staging, path), bytes);
  const app = join(dir, 'win-unpacked');
  put(join(app, 'PeerSupportCaseload.exe'), fakePe());
  mkdirSync(join(app, 'resources'));
  await createPackageWithOptions(staging, join(app, 'resources', 'app.asar'), { unpack: '*.node' });
  return app;
}

describe('isPe32PlusX64', () => {
  it('takes a 64-bit x64 PE and refuses ELF, 32-bit and Arm builds', () => {
    expect(isPe32PlusX64(fakePe())).toBe(true);
    expect(isPe32PlusX64(ELF)).toBe(false);
    expect(isPe32PlusX64(fakePe(0xaa64))).toBe(false);
    expect(isPe32PlusX64(fakePe(0x8664, 0x10b))).toBe(false);
    expect(isPe32PlusX64(readFileSync(REAL_PE32))).toBe(false);
  });
});

describe('windowsPackageProblems', () => {
  it('finds nothing wrong with a complete package', async () => {
    expect(windowsPackageProblems(await fakePackage(), MIGRATIONS)).toEqual([]);
  });

  it('fails when the Windows argon2 binary is missing (a Linux-only pack)', async () => {
    const app = await fakePackage({
      'node_modules/@node-rs/argon2-win32-x64-msvc/argon2.win32-x64-msvc.node': null,
      'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node': ELF,
    });
    expect(windowsPackageProblems(app, MIGRATIONS)).toEqual([expect.stringMatching(/^@node-rs\/argon2: no .*argon2\.win32-x64-msvc\.node/)]);
  });

  it('fails when a win32 binary is not an x64 Windows one', async () => {
    const app = await fakePackage({ 'node_modules/better-sqlite3/prebuilds/win32-x64.node': ELF });
    expect(windowsPackageProblems(app, MIGRATIONS)).toEqual([expect.stringMatching(/^better-sqlite3-multiple-ciphers: .* is not a PE32\+ x64 binary/)]);
  });

  it('fails on a native module it does not know', async () => {
    const app = await fakePackage({ 'node_modules/@scope/fast-thing/fast.linux-x64-gnu.node': ELF });
    expect(windowsPackageProblems(app, MIGRATIONS)).toEqual([expect.stringMatching(/fast-thing.*a native module the checks do not know/)]);
  });

  it('fails on a loose migration beside app.asar, and on one missing from it', async () => {
    const app = await fakePackage({ 'db/migrations/0001_second.sql': null });
    put(join(app, 'resources', 'migrations', '0001_second.sql'), 'DROP TABLE t;');
    expect(windowsPackageProblems(app, MIGRATIONS)).toEqual([
      'app.asar lacks db/migrations/0001_second.sql',
      'resources/migrations/0001_second.sql lies outside app.asar, beyond its integrity check',
    ]);
  });

  it('fails when the archive lacks an entry point or holds tests, the harness or Playwright', async () => {
    const app = await fakePackage({
      'out/main/worker.js': null,
      'tests/unit/roles.test.ts': 'test',
      'out/harness/server.js': 'harness',
      'node_modules/@playwright/test/index.js': 'pw',
      // A dependency's own tests are its business.
      'node_modules/zod/src/v4/classic/tests/enum.test.ts': 'zod',
    });
    expect(windowsPackageProblems(app, MIGRATIONS).sort()).toEqual(
      [
        'app.asar lacks out/main/worker.js',
        'app.asar holds a test or harness file: tests/unit/roles.test.ts',
        'app.asar holds a test or harness file: out/harness/server.js',
        'app.asar holds a test or harness file: node_modules/@playwright/test/index.js',
      ].sort(),
    );
  });

  it('fails when there is no app.asar at all', () => {
    const dir = tempDir();
    expect(windowsPackageProblems(dir, MIGRATIONS)).toEqual([`no resources/app.asar in ${dir}`]);
  });
});

describe('fuseProblems', () => {
  it('passes electron-builder.yml and fails a softened copy', () => {
    const config = loadBuilderConfig(ROOT);
    expect(fuseProblems(config)).toEqual([]);
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuseProblems({ ...config, electronFuses: { ...fuses, runAsNode: true, onlyLoadAppFromAsar: undefined } })).toEqual([
      'electronFuses.runAsNode is true, not false',
      'electronFuses.onlyLoadAppFromAsar is undefined, not true',
    ]);
    expect(fuseProblems({ ...config, electronFuses: undefined })).toHaveLength(7);
  });
});
