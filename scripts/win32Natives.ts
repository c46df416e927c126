// Puts the Windows x64 native binaries into node_modules, whichever OS packs the Windows build.
//
// Why: @node-rs/argon2 ships each platform's binary as its own optional package, and npm installs
// only the one for the machine it runs on. electron-builder copies node_modules as they are
// (npmRebuild is off: there is nothing to compile), so a Windows package packed on Linux would
// carry argon2.linux-x64-gnu.node and fail at the first unlock on a clinic PC.
// better-sqlite3-multiple-ciphers needs nothing here: its own package carries every platform's
// prebuild (prebuilds/win32-x64.node), and lib/binding.js picks `${platform}-${arch}.node`.
//
// How: every production package in package-lock.json marked for win32 + x64 is fetched at exactly
// the locked version with `npm pack` (the npm registry is the only network the build machines
// reach, and npm's own cache makes a second fetch local), checked against the lock file's
// integrity hash and unpacked into node_modules. We do not run `npm install --os win32`: that
// reifies the whole tree for Windows and removes the Linux binaries the tests and tools need.
// Left in node_modules, the package makes the next run a no-op until `npm ci` clears it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface LockEntry {
  version?: string;
  integrity?: string;
  os?: string[];
  cpu?: string[];
  dev?: boolean;
  devOptional?: boolean;
}

export interface Win32Native {
  /** Folder inside the project, as package-lock.json names it (node_modules/@scope/name). */
  path: string;
  name: string;
  version: string;
  integrity: string;
}

/** Production packages the lock file marks as built for win32 + x64 (dev-only ones never ship). */
export function win32X64Packages(root: string): Win32Native[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  return Object.entries(lock.packages)
    .filter(([path, e]) => path.includes('node_modules/') && !e.dev && !e.devOptional && e.os?.includes('win32') && e.cpu?.includes('x64'))
    .map(([path, e]) => {
      if (!e.version || !e.integrity) throw new Error(`package-lock.json has no version or integrity for ${path}`);
      return { path, name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: e.version, integrity: e.integrity };
    });
}

function installedVersion(folder: string): string | null {
  const manifest = join(folder, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? null : null;
}

function run(command: string, args: string[], cwd: string): string {
  // npm is npm.cmd on Windows, which Node runs only through a shell; the arguments are ours.
  return execFileSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'inherit'] });
}

function checkIntegrity(tarball: string, integrity: string): void {
  // Subresource Integrity: "sha512-<base64>", possibly followed by other hashes; the first is npm's.
  const first = integrity.split(/\s+/)[0];
  const algorithm = first.slice(0, first.indexOf('-'));
  const expected = first.slice(first.indexOf('-') + 1);
  const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
  if (actual !== expected) throw new Error(`${tarball} does not match package-lock.json's integrity (${integrity})`);
}

function fetchInto(pkg: Win32Native, target: string, root: string): void {
  const work = mkdtempSync(join(tmpdir(), 'win32-native-'));
  try {
    const packed = JSON.parse(run('npm', ['pack', `${pkg.name}@${pkg.version}`, '--json', '--silent', '--pack-destination', work], root)) as { filename: string }[];
    const tarball = join(work, packed[0].filename);
    checkIntegrity(tarball, pkg.integrity);
    // tar is on every build OS (bsdtar ships with Windows 10 and later). npm tarballs hold one
    // folder, package/, which is moved into place whole so a failed run never looks installed.
    run('tar', ['-xzf', tarball, '-C', work], root);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(work, 'package'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Makes node_modules hold every win32-x64 package at its locked version; says what it did. */
export function ensureWin32Natives(root: string): { name: string; version: string; fetched: boolean }[] {
  return win32X64Packages(root).map((pkg) => {
    const target = join(root, pkg.path);
    const fetched = installedVersion(target) !== pkg.version;
    if (fetched) fetchInto(pkg, target, root);
    return { name: pkg.name, version: pkg.version, fetched };
  });
}
