// `npm run dist` runs this before electron-builder, so the Windows package gets Windows native
// binaries even when it is packed on Linux (see win32Natives.ts for why and how).
import { ensureWin32Natives } from './win32Natives';

for (const { name, version, fetched } of ensureWin32Natives(process.cwd())) {
  console.log(`win32 natives: ${name}@${version} ${fetched ? 'fetched from the npm registry' : 'already in node_modules'}`);
}
