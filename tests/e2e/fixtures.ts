// Each test gets its own harness: the built renderer and the real handlers over loopback, with
// a fresh encrypted workspace folder that is removed afterwards.
import AxeBuilder from '@axe-core/playwright';
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

/** No serious or critical WCAG 2.2 A/AA problems on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious, `accessibility problems on ${screen}`).toEqual([]);
}

export const PASSPHRASE = 'violet harbour tractor sunrise';
