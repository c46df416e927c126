// `tsx tests/bench/browser.ts DATA_DIR PASSPHRASE RUNS`: the Chromium part of the bench in a
// process of its own, so the harness's event loop (what Electron's main process would be) is not
// sharing a heap with everything the bench built and measured before it. Prints JSON.
import { inChromium } from './renderer';

const [dataDir, passphrase, runs] = process.argv.slice(2);
const result = await inChromium(dataDir, passphrase, Number(runs));
process.stdout.write(JSON.stringify(result));
