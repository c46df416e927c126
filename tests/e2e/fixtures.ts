// Each test gets its own harness: the built renderer and the real handlers over loopback, with
// a fresh encrypted workspace folder that is removed afterwards.
import axe, { type AxeResults } from 'axe-core';
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness } from '../harness/server';
import { tempDir } from '../support/workspace';

export const test = base.extend<{ harness: Harness; dataDir: string }>({
  // Playwright requires the object pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const { dir, cleanup } = tempDir('caseload-e2e-');
    await use(dir);
    cleanup();
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness({ dataDir });
    await use(harness);
    await harness.close();
  },
});
export { expect };

/** What one step of a journey may take: a few actions, their waits and an axe check, on a busy shared machine. */
export const STEP_BUDGET_MS = 30_000;

/**
 * One step of a long journey, with its own time limit. The test's own limit (the config's) covers
 * its set-up; each step adds its budget as it starts, so a long journey is not squeezed into one
 * fixed whole-test budget that a busy machine overruns, and a step that hangs fails at that step,
 * by name, after its own budget. Waits inside stay on visible state (expect…toBeVisible), never sleeps.
 */
export function step<T>(title: string, body: () => Promise<T>, budgetMs = STEP_BUDGET_MS): Promise<T> {
  const info = test.info();
  // 0 means no limit (--timeout 0 while debugging): leave it so.
  if (info.timeout > 0) info.setTimeout(info.timeout + budgetMs);
  return test.step(title, body, { timeout: budgetMs });
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's findings on what the page shows now. axe is put into the page once and run there:
 * the screens change without a reload, and @axe-core/playwright injected its 500 kB again on every
 * check and finished each run in a second, blank page, about ten seconds a check on a busy machine.
 * The same rules run either way.
 */
async function axeResults(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axe.source);
  return page.evaluate(`window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })`);
}

/** No serious or critical WCAG 2.2 A/AA problems on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await axeResults(page);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious, `accessibility problems on ${screen}`).toEqual([]);
}

export const PASSPHRASE = 'violet harbour tractor sunrise';
