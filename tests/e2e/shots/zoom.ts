// Screenshots for `npm run screenshots` (group `zoom`): every main screen as NHS staff see it
// zoomed in (1366×768 at 125%, 1280×720 at 200%) and at WCAG's 320 CSS px, with the menu open.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { tempDir } from '../../support/workspace';
import { PersonPage } from '../pages/PersonPage';
import { SetupPage } from '../pages/SetupPage';
import { openMenu, screenShown, type Screen } from '../pages/nav';
import { sidewaysScroll } from '../reflow';
import { ZOOM_PEOPLE, ZOOMS, zoomCaseload } from '../zoomCaseload';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const SCREENS: [Screen, string][] = [
  ['My day', 'my-day'],
  ['Caseload', 'caseload'],
  ['Groups', 'groups'],
  ['Reports', 'reports'],
  ['Export', 'export'],
  ['Audit log', 'audit'],
  ['Settings', 'settings'],
];

export async function zoomScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-zoom-');
  const harness = await startHarness({ dataDir: dir });
  try {
    await zoomCaseload(harness.ctx);
    for (const zoom of ZOOMS) {
      const page = await browser.newPage({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
      try {
        await page.goto(harness.url);
        const at = (n: number, what: string) => `1${n}${zoom.name === '125' ? 'a' : zoom.name === '200' ? 'b' : 'c'}-zoom-${zoom.name}-${what}`;
        for (const [i, [screen, slug]] of SCREENS.entries()) {
          await screenShown(page, screen);
          await page.getByText(/^Loading/).first().waitFor({ state: 'detached' }).catch(() => undefined);
          if (screen === 'Caseload') await page.getByRole('row', { name: new RegExp(ZOOM_PEOPLE[0]) }).first().waitFor();
          await shot(page, at(20 + i, slug), true);
          const { overflow, culprits } = await sidewaysScroll(page);
          if (overflow > 0) console.log(`${zoom.label}, ${screen}: scrolls ${overflow} px sideways: ${culprits.join('; ')}`);
        }
        // A person's record, from the caseload's search.
        await screenShown(page, 'Caseload');
        await page.getByRole('textbox', { name: 'Search' }).fill(ZOOM_PEOPLE[1]);
        await page.getByRole('row', { name: new RegExp(ZOOM_PEOPLE[1]) }).first().click();
        await new PersonPage(page).expectShown(ZOOM_PEOPLE[1]);
        await shot(page, at(30, 'person'), true);
        for (const [i, tab] of ['Referral', 'Contacts', 'Goals', 'Signposting', 'Outcomes', 'Risk', 'Details'].entries()) {
          await new PersonPage(page).openTab(tab);
          const { overflow, culprits } = await sidewaysScroll(page);
          // Culprits are named by tag, role and class only (reflow.ts), never by text that could name someone.
          if (overflow > 0) console.log(`${zoom.label}, record tab ${tab}: scrolls ${overflow} px sideways: ${culprits.join('; ')}`);
          if (zoom.name === '400') await shot(page, at(30, `person-${i + 1}-${tab.toLowerCase()}`), true);
        }
        await openMenu(page);
        await shot(page, at(32, 'menu-open'));
        // A refused form: the error summary at the top of Add person, and Settings.
        await screenShown(page, 'Caseload');
        await page.getByRole('button', { name: 'Add person' }).first().click();
        await page.getByRole('dialog', { name: 'Add a person' }).getByRole('button', { name: 'Add person' }).click();
        await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await shot(page, at(33, 'add-person-error-summary'));
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
        await screenShown(page, 'Settings');
        await page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab', { name: 'Members and sign-in' }).click();
        await page.getByLabel('Lock after this many idle minutes').fill('30');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
        await shot(page, at(34, 'settings-error-summary'));
        // A held event's people, stacked.
        await screenShown(page, 'Groups');
        await page.getByRole('radiogroup', { name: 'Which events' }).getByText('Past', { exact: true }).click();
        await page.getByRole('table', { name: 'Past events' }).getByRole('button', { name: /Peer support evening/ }).click();
        await page.getByRole('table', { name: 'People on this event' }).waitFor();
        await shot(page, at(35, 'held-event'), true);
      } finally {
        await page.close();
      }
    }
  } finally {
    await harness.close();
    cleanup();
  }

  // The training caseload's banner at 320 CSS px: both of its buttons in reach.
  const training = tempDir('caseload-shots-zoom-training-');
  const trainingHarness = await startHarness({ dataDir: training.dir });
  const page = await browser.newPage({ viewport: ZOOMS[2].viewport, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  try {
    await page.goto(trainingHarness.url);
    await new SetupPage(page).openTraining();
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
    await shot(page, '135c-zoom-400-training');
  } finally {
    await page.close();
    await trainingHarness.close();
    training.cleanup();
  }
}
