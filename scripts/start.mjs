// `npm start`: build the app with electron-vite, then run it in Electron.
// Electron 45 fetches its binary on first run. Where that cannot happen (no network, as on the
// clinic build machines) say so in one line and stop, instead of hanging or printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

// Long enough for a first download on a working connection; a blocked one fails in well under it.
const DOWNLOAD_TIMEOUT_MS = 45_000;
const CANNOT_START =
  'Electron cannot start on this machine (its binary cannot be downloaded here). Run `npm run harness` to use the same app in a browser.';

const PLATFORM_BINARY = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/** The binary's path when it is on disk, else null. Mirrors how the electron package finds it. */
function electronBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const binary = join(override || join(electronDir, 'dist'), relative || PLATFORM_BINARY[process.platform] || 'electron');
  return existsSync(binary) ? binary : null;
}

/** Runs the electron package's own installer once, silently and with a time limit. */
function tryDownload(electronDir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
}

function main() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  let binary = electronBinary(electronDir);
  if (!binary) {
    tryDownload(electronDir);
    binary = electronBinary(electronDir);
  }
  // Checked before building: no point waiting for a build that cannot be run.
  if (!binary) {
    console.error(CANNOT_START);
    return 1;
  }

  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  const env = { ...process.env };
  // Either would change what runs: Node instead of the app, or a dev server instead of the build.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', () => {
    console.error('Electron is here but would not start. Run `npm run harness` to use the same app in a browser.');
    process.exit(1);
  });
  return null;
}

const code = main();
if (code !== null) process.exit(code);
