// What a packed Windows app folder (win-unpacked) must hold, as a list of problems: empty when
// the package is right. Kept apart from the packing so a unit test can show each check fails on
// a hand-made package (tests/unit/packageChecks.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getRawHeader } from '@electron/asar';
import { isPe32PlusX64 } from './peHeader';

interface NativeModule {
  name: string;
  /** Where the module's loader looks on win32-x64, inside app.asar (and so app.asar.unpacked). */
  win32Binary: string;
  /** The package folders its binaries may sit in (the module's own, or its per-platform ones). */
  folders: RegExp;
}

/** Every production dependency with a native binary. A new one fails the check until listed. */
export const NATIVE_MODULES: NativeModule[] = [
  {
    // index.js tries ./argon2.win32-x64-msvc.node, then the optional package npm installs only on
    // Windows (scripts/win32Natives.ts fetches it elsewhere).
    name: '@node-rs/argon2',
    win32Binary: 'node_modules/@node-rs/argon2-win32-x64-msvc/argon2.win32-x64-msvc.node',
    folders: /^node_modules\/@node-rs\/argon2(-[a-z0-9-]+)?$/,
  },
  {
    // lib/binding.js loads prebuilds/${platform}-${arch}.node when fs.existsSync finds it (Electron
    // answers that from the archive's header, which lists unpacked files too).
    name: 'better-sqlite3-multiple-ciphers',
    win32Binary: 'node_modules/better-sqlite3/prebuilds/win32-x64.node',
    folders: /^node_modules\/better-sqlite3$/,
  },
];

/** Built by electron-vite; the app cannot start without each. */
export const APP_ENTRIES = ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

interface HeaderEntry {
  files?: Record<string, HeaderEntry>;
}

/** The archive's files (not its folders), as forward-slash paths from its root. */
function archiveFiles(asar: string): Set<string> {
  const files = new Set<string>();
  const walk = (entry: HeaderEntry, prefix: string): void => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      if (child.files) walk(child, `${prefix}${name}/`);
      else files.add(`${prefix}${name}`);
    }
  };
  walk(getRawHeader(asar).header as HeaderEntry, '');
  return files;
}

/** The package folder a file sits in: node_modules/name or node_modules/@scope/name. */
function packageFolder(file: string): string {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return '(the app itself)';
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/');
}

function nativeProblems(unpacked: string, archived: Set<string>): string[] {
  const problems: string[] = [];
  for (const native of NATIVE_MODULES) {
    const binary = join(unpacked, native.win32Binary);
    if (!existsSync(binary)) problems.push(`${native.name}: no ${native.win32Binary} in app.asar.unpacked`);
    else if (!isPe32PlusX64(readFileSync(binary))) problems.push(`${native.name}: ${native.win32Binary} is not a PE32+ x64 binary`);
    else if (!archived.has(native.win32Binary)) problems.push(`${native.name}: ${native.win32Binary} is not listed in app.asar, so its loader cannot find it`);
  }
  const nodeFiles = existsSync(unpacked) ? filesUnder(unpacked).filter((f) => f.endsWith('.node')) : [];
  for (const file of [...archived].filter((f) => f.endsWith('.node'))) {
    if (!nodeFiles.includes(file)) problems.push(`${file} is packed inside app.asar, where it cannot be loaded`);
  }
  for (const file of nodeFiles) {
    if (!NATIVE_MODULES.some((native) => native.folders.test(packageFolder(file)))) {
      problems.push(`${file}: a native module the checks do not know; add its win32-x64 binary to NATIVE_MODULES`);
    }
  }
  return problems;
}

function archiveProblems(archived: Set<string>, migrations: string[]): string[] {
  const problems: string[] = [];
  for (const entry of APP_ENTRIES) if (!archived.has(entry)) problems.push(`app.asar lacks ${entry}`);
  for (const file of ['db/migrations/meta/_journal.json', ...migrations.map((m) => `db/migrations/${m}`)]) {
    if (!archived.has(file)) problems.push(`app.asar lacks ${file}`);
  }
  for (const file of archived) {
    // Dependencies may ship their own tests (zod does); the app's own never ship.
    const own = !file.startsWith('node_modules/');
    if ((own && (/^tests\//.test(file) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /harness/i.test(file))) || /playwright/i.test(file)) {
      problems.push(`app.asar holds a test or harness file: ${file}`);
    }
  }
  return problems;
}

/**
 * Problems with a packed Windows app folder. `migrations` names the .sql files that must be in
 * app.asar (db/migrations); no .sql may lie anywhere outside it.
 */
export function windowsPackageProblems(appDir: string, migrations: string[]): string[] {
  const asar = join(appDir, 'resources', 'app.asar');
  if (!existsSync(asar)) return [`no resources/app.asar in ${appDir}`];
  const archived = archiveFiles(asar);
  const loose = filesUnder(appDir)
    .filter((f) => f !== 'resources/app.asar' && (/\.sql$/i.test(f) || /(^|\/)migrations\//.test(f)))
    .map((f) => `${f} lies outside app.asar, beyond its integrity check`);
  return [...nativeProblems(join(appDir, 'resources', 'app.asar.unpacked'), archived), ...archiveProblems(archived, migrations), ...loose];
}
