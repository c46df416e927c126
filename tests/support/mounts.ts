// Real disk faults for integration tests, made with Linux mounts: a tiny tmpfs is a disk that
// fills up (ENOSPC, SQLITE_FULL), and a read-only bind mount is a folder that cannot be written
// to (EROFS). chmod cannot stand in for either: the tests run as root, and root ignores file
// modes. Mounting needs root (CAP_SYS_ADMIN); where it is refused, `mountsAvailable` is false
// and the tests that need it are skipped with that reason, not faked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(args: string[]): boolean {
  try {
    execFileSync(args[0], args.slice(1), { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function probe(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  const ok = run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (ok) run(['umount', dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

export const mountsAvailable = probe();
export const NO_MOUNTS = 'mount is not permitted here (needs root on Linux): the real disk-full and read-only faults cannot be made';

export interface Mounted {
  dir: string;
  /** Unmounts and removes the mount point; safe to call twice. */
  release(): void;
  /** Changes the size of a tmpfs (a disk with room again). */
  resize?(size: string): void;
}

/** A tmpfs of `size` (e.g. '256k'): writing past it fails with ENOSPC, like a full disk. */
export function smallDisk(size: string): Mounted {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  return { dir, release: releaser(dir), resize: (next) => execFileSync('mount', ['-o', `remount,size=${next}`, dir]) };
}

/** `source` seen through a read-only bind mount: its files are there, writing fails with EROFS. */
export function readOnlyView(source: string): Mounted {
  const dir = mkdtempSync(join(tmpdir(), 'read-only-'));
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['--bind', source, dir]);
  execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
  return { dir, release: releaser(dir) };
}

/** Unmounts `dir` once (a second call only removes the folder) and removes it. */
function releaser(dir: string): () => void {
  let mounted = true;
  return () => {
    if (mounted) execFileSync('umount', ['-l', dir]);
    mounted = false;
    rmSync(dir, { recursive: true, force: true });
  };
}
