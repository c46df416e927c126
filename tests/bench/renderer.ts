// The renderer as a person meets it, in Chromium through the browser harness (started here, in
// this process, so its server is this event loop): bundle sizes, time from page load to the
// caseload shown, and whether anything blocks while large exports are written.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { dispatch } from '../../core/api/dispatch';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { startHarness } from '../harness/server';
import { summarise } from './measure';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out', 'renderer');
const kB = (bytes: number) => bytes / 1000;

/** The same build `npm run build:renderer` makes (and the harness serves), in a child process. */
export function buildRenderer(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** The entry chunk index.html loads, and everything built (JS and CSS), raw and gzipped (kB = 1,000 bytes). */
export function bundleSizes() {
  const main = readFileSync(join(OUT, 'index.html'), 'utf8').match(/src="\.\/assets\/([^"]+\.js)"/)?.[1];
  if (!main) throw new Error('no entry script in out/renderer/index.html');
  const size = (f: string) => {
    const bytes = readFileSync(join(OUT, 'assets', f));
    return { raw: kB(bytes.length), gz: kB(gzipSync(bytes).length) };
  };
  const files = readdirSync(join(OUT, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const total = files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  return { main: size(main), total, files: files.length };
}

const CASELOAD_ROW = 'table[aria-label="People on the caseload"] tbody tr[data-index]';

/**
 * What the functions run in the page use of it: this file is type-checked as Node code, and
 * those functions are sent to the page as text, so they cast globalThis themselves.
 */
type InPage = {
  document: { querySelector(selector: string): unknown };
  performance: { getEntriesByType(type: 'navigation'): { domContentLoadedEventEnd: number }[] };
  api: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: { rows: number } }>> };

/**
 * Page load (navigation start) to the first caseload row drawn, via My day and the Caseload
 * button; and, as its floor, the same load's DOMContentLoaded: the page and its bundle fetched and
 * run, before React has drawn anything or asked the harness for data.
 */
async function loadToCaseload(page: Page, url: string): Promise<{ shown: number; floor: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Caseload' }).click();
  const shown = await page.waitForFunction((selector) => ((globalThis as unknown as InPage).document.querySelector(selector) ? performance.now() : 0), CASELOAD_ROW, { polling: 'raf', timeout: 30_000 });
  const floor = await page.evaluate(() => (globalThis as unknown as InPage).performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  return { shown: (await shown.jsonValue()) as number, floor };
}

/**
 * In the page, for as long as `work` runs (or `ms` when idle): long tasks seen by the page, and
 * the round trip of a caseload search every 100 ms, as typing in the search box makes.
 */
async function probe(page: Page, exports: { profileId: string }[] | null, ms = 2_000) {
  return page.evaluate(
    async ({ exports, ms }) => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
      // Chromium's long-task timing (not in Node's list of entry types).
      observer.observe({ type: 'longtask' as 'mark' });
      const api = (globalThis as unknown as InPage).api;
      const everything = { kind: 'custom', start: '2000-01-01', end: '2099-12-31' };
      let running = true;
      const rows: number[] = [];
      const work = (async () => {
        if (!exports) return new Promise((r) => setTimeout(r, ms));
        for (const e of exports) {
          const r = await api['exports.run']({ profileId: e.profileId, period: everything });
          if (!r.ok) throw new Error(`export ${e.profileId} failed`);
          rows.push(r.value!.rows);
        }
      })().finally(() => (running = false));
      // The export screen polls progress every 250 ms meanwhile.
      const poll = setInterval(() => void api['exports.progress']({}), 250);
      const latencies: number[] = [];
      const terms = ['A', 'Am', 'Ama', 'Amara', 'PS-4', 'zz'];
      for (let i = 0; running; i++) {
        const t = performance.now();
        await api['people.list']({ query: terms[i % terms.length], limit: 100 });
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
      await work;
      clearInterval(poll);
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      return { longTasks, latencies, rows };
    },
    { exports, ms },
  );
}

export async function inChromium(dataDir: string, passphrase: string, runs: number) {
  const harness = await startHarness({ dataDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const unlocked = await dispatch(harness.ctx, 'session.unlock', { passphrase });
    if (!unlocked.ok) throw new Error(`harness unlock: ${unlocked.error.code}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    await loadToCaseload(page, harness.url); // warm-up: Chromium's own start, the server's statement cache
    const loads: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { shown, floor } = await loadToCaseload(page, harness.url);
      loads.push(shown);
      floors.push(floor);
    }

    // The server's event loop (the harness runs here: what Electron's main process would be).
    const idleLoop = monitorEventLoopDelay({ resolution: 5 });
    idleLoop.enable();
    const idle = await probe(page, null);
    idleLoop.disable();
    const busyLoop = monitorEventLoopDelay({ resolution: 5 });
    busyLoop.enable();
    const busy = await probe(page, [{ profileId: 'referrals' }, { profileId: 'outcomes' }]);
    busyLoop.disable();
    const loopMs = (h: ReturnType<typeof monitorEventLoopDelay>) => ({ max: h.max / 1e6, p99: h.percentile(99) / 1e6 });
    return {
      load: summarise(loads),
      loadFloor: summarise(floors),
      idle: { ...summarise(idle.latencies), longTasks: idle.longTasks, loop: loopMs(idleLoop) },
      busy: { ...summarise(busy.latencies), calls: busy.latencies.length, maxLatency: Math.max(...busy.latencies), longTasks: busy.longTasks, loop: loopMs(busyLoop), rows: busy.rows },
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}
