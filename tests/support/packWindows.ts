// Packs the Windows x64 build as a folder (`electron-builder --win dir --x64`) without Electron's
// binary, which cannot be downloaded on the build machines. electron-builder needs only a PE
// executable with version information to stamp as the app's .exe, so electron-winstaller's
// vendored rcedit.exe stands in for electron.exe. Everything else (electron-builder.yml's files,
// asar, asarUnpack, the node_modules it collects) is the real configuration.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';

/** A PE executable with version information that ships in an npm package already in the tree. */
export const STAND_IN_EXE = join('node_modules', 'electron-winstaller', 'vendor', 'rcedit.exe');

/** Packs into `outDir`; returns the unpacked app folder (outDir/win-unpacked). */
export async function packWindowsDir(root: string, outDir: string): Promise<string> {
  const electronDist = join(outDir, 'electron-stand-in');
  mkdirSync(join(electronDist, 'locales'), { recursive: true });
  copyFileSync(join(root, STAND_IN_EXE), join(electronDist, 'electron.exe'));
  // electronLanguages (en-GB, en-US) keeps only these, so they must exist.
  for (const locale of ['en-GB', 'en-US']) writeFileSync(join(electronDist, 'locales', `${locale}.pak`), '');

  await build({
    projectDir: root,
    targets: Platform.WINDOWS.createTarget('dir', Arch.x64),
    // Merged over electron-builder.yml, which electron-builder loads from projectDir as `npm run
    // dist` does. Fuses are flipped in Electron's own binary and the stand-in has none to flip,
    // so they are left out of this run only (the test checks the YAML's fuses separately).
    config: { electronDist, electronFuses: null, directories: { output: join(outDir, 'release') } },
  });
  return join(outDir, 'release', 'win-unpacked');
}
