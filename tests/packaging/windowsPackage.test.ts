// Packs the real Windows x64 build (electron-builder --win dir --x64, with a stand-in for
// Electron's binary: tests/support/packWindows.ts) and checks what a clinic PC would get: Windows
// native binaries, the app's entry points and migrations inside app.asar and nothing loose
// beside it, no test code, and the hardened fuses in the configuration.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWin32Natives } from '../../scripts/win32Natives';
import { fuseProblems, loadBuilderConfig } from '../support/builderConfig';
import { windowsPackageProblems } from '../support/packageChecks';
import { packWindowsDir } from '../support/packWindows';

const ROOT = join(import.meta.dirname, '..', '..');
const MIGRATIONS = readdirSync(join(ROOT, 'db', 'migrations')).filter((f) => f.endsWith('.sql'));

describe('the Windows x64 package', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'caseload-pack-'));
  let appDir = '';

  beforeAll(async () => {
    // As `npm run dist` does: the Windows binaries from the npm registry (a no-op once they are
    // in node_modules), then a fresh build of out/, then the pack.
    ensureWin32Natives(ROOT);
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    appDir = await packWindowsDir(ROOT, outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has Windows x64 natives, entry points and migrations in app.asar, nothing loose, no tests', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(windowsPackageProblems(appDir, MIGRATIONS)).toEqual([]);
  });

  it('is configured with the hardened fuses and no resources outside app.asar', () => {
    const config = loadBuilderConfig(ROOT);
    expect(fuseProblems(config)).toEqual([]);
    expect(config.extraResources).toBeUndefined();
  });
});
