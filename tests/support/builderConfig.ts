// electron-builder.yml as data, and the Electron fuses it must set. Fuses are flipped in the
// Electron binary itself, so the packaging test (which packs with a stand-in binary) checks the
// configuration instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/** The hardened set: no Node mode or inspector, only app.asar, checked against its hashes. */
export const HARDENED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

export function loadBuilderConfig(root: string): Record<string, unknown> {
  return load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
}

/** What is wrong with the configuration's fuses (nothing: an empty list). */
export function fuseProblems(config: Record<string, unknown>): string[] {
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  return Object.entries(HARDENED_FUSES)
    .filter(([fuse, wanted]) => fuses[fuse] !== wanted)
    .map(([fuse, wanted]) => `electronFuses.${fuse} is ${String(fuses[fuse])}, not ${wanted}`);
}
