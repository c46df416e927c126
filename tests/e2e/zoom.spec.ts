// Zoomed in, as NHS staff use the app: 1366×768 at 125% (1093×614 CSS px), 1280×720 at 200%
// (640×360) and WCAG's 320 CSS px (1280 px at 400%). On each, a worker moves through every main
// screen by keyboard: nothing scrolls sideways, names show whole, the menu opens from its button,
// focus lands on each new screen's heading where it can be seen, and axe and HTML_CodeSniffer
// find nothing.
import type { Page } from '@playwright/test';
import { expectCodeSnifferClean } from './codeSniffer';
import { expect, expectAccessible, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { GroupsPage } from './pages/GroupsPage';
import { MyDayPage } from './pages/MyDayPage';
import { menuButton, type Screen } from './pages/nav';
import { expectNameVisible, expectNoSidewaysScroll } from './reflow';
import { ZOOM_PEOPLE, ZOOMS, zoomCaseload, type Zoom } from './zoomCaseload';

const HEADINGS: [Screen, string][] = [
  ['My day', 'My day'],
  ['Caseload', 'Caseload'],
  ['Groups', 'Groups and workshops'],
  ['Reports', 'Reports'],
  ['Export', 'Export'],
  ['Combine returns', 'Combine returns'],
  ['Audit log', 'Audit log'],
  ['Settings', 'Settings'],
];

const RECORD_TABS = ['Referral', 'Contacts', 'Goals', 'Signposting', 'Outcomes', 'Risk', 'Details'];

/** The menu, by keyboard only: the menu button where the window is narrow, then Tab to the screen and Enter. */
async function keyboardGoTo(page: Page, screen: Screen) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const button = menuButton(page);
  if (await button.isVisible()) {
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    // Opened, the menu has focus on the current screen's entry.
    await expect(nav.locator(':focus')).toHaveCount(1);
  } else {
    await nav.getByRole('button').first().focus();
  }
  const target = nav.getByRole('button', { name: screen });
  for (let i = 0; i < 10 && (await target.and(page.locator(':focus')).count()) === 0; i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Focus on the screen's heading, on the screen: not lost off the top at 400%. */
async function expectArrivedAt(page: Page, heading: string) {
  const title = page.getByRole('heading', { name: heading, level: 2 });
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
}

/** No sideways scroll, and both engines clean (axe, the slower, only where asked: each screen once). */
async function expectClean(page: Page, where: string, axe = true) {
  await expectNoSidewaysScroll(page, where);
  if (axe) await expectAccessible(page, where);
  await expectCodeSnifferClean(page, where);
}

for (const zoom of ZOOMS) {
  test.describe(`At ${zoom.label}`, () => {
    test.use({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor });

    test('every main screen fits the window, by keyboard, with names whole and focus on each heading', async ({ page, harness }) => {
      // A walk of every screen and tab with two engines on each: in steps, each with its own
      // budget (fixtures.step), not one fixed whole-test limit a busy machine overruns.
      await step('My day shown, with enough made-up people to fill every list', async () => {
        await zoomCaseload(harness.ctx, 120);
        await page.goto(harness.url);
        await new MyDayPage(page).expectShown();
        // The narrow sizes fold the menu behind its button; 125% on 1366×768 keeps it beside the screen.
        await expect(menuButton(page)).toBeVisible({ visible: zoom.name !== '125' });
      });

      for (const [screen, heading] of HEADINGS) {
        await step(`${screen}, reached by keyboard`, async () => {
          await keyboardGoTo(page, screen);
          await expectArrivedAt(page, heading);
          await expectNamesWhole(page, screen, zoom);
          await expectClean(page, `${screen} at ${zoom.label}`);
        });
      }

      await step('search to record, by keyboard: the record’s heading (the person’s name) has focus', async () => {
        const caseload = new CaseloadPage(page);
        await keyboardGoTo(page, 'Caseload');
        await caseload.search(ZOOM_PEOPLE[1]);
        await expect(caseload.rows()).toHaveCount(1);
        await caseload.rows().first().focus();
        await page.keyboard.press('Enter');
        await expectArrivedAt(page, ZOOM_PEOPLE[1]);
        await expectNameVisible(page.getByRole('heading', { name: ZOOM_PEOPLE[1], level: 2 }), `the record's heading at ${zoom.label}`);
        await expectClean(page, `a person's record at ${zoom.label}`);
      });
      for (const tab of RECORD_TABS) {
        await step(`the record's ${tab} tab`, async () => {
          await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
          await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
          await expectClean(page, `the record's ${tab} tab at ${zoom.label}`, tab === 'Details');
        });
      }
    });
  });
}

async function expectNamesWhole(page: Page, screen: Screen, zoom: Zoom) {
  if (screen === 'My day') {
    const risks = new MyDayPage(page).section('Open risk flags');
    for (const name of ZOOM_PEOPLE) await expectNameVisible(risks.getByRole('button', { name, exact: true }), `${name} in open risk flags at ${zoom.label}`);
    const today = new MyDayPage(page).section('Planned today');
    for (const name of ZOOM_PEOPLE) await expectNameVisible(today.getByRole('button', { name, exact: true }), `${name} in planned today at ${zoom.label}`);
  }
  if (screen === 'Caseload') {
    const caseload = new CaseloadPage(page);
    for (const name of ZOOM_PEOPLE) await expectNameVisible(caseload.row(name).getByText(name, { exact: true }), `${name} in the caseload at ${zoom.label}`);
  }
}

test.describe('At 320 CSS px', () => {
  test.use({ viewport: ZOOMS[2].viewport });

  test('the menu opens from its button and closes with Escape, back to the button; folded, its links are out of Tab’s reach', async ({ page, harness }) => {
    await zoomCaseload(harness.ctx, 0);
    await page.goto(harness.url);
    await new MyDayPage(page).expectShown();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const button = menuButton(page);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // Folded: Tab from the menu button goes on into the screen, never to a link moved off it.
    await button.focus();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      await expect(nav.locator(':focus')).toHaveCount(0);
      await expect(page.locator(':focus')).toBeInViewport({ ratio: 0.5 });
    }
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('button', { name: 'My day' })).toBeFocused();
    await expect(nav.getByRole('button', { name: 'Settings' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('a held event’s people stack, names whole, and nothing scrolls sideways', async ({ page, harness }) => {
    await zoomCaseload(harness.ctx, 0);
    await page.goto(harness.url);
    const groups = new GroupsPage(page);
    await keyboardGoTo(page, 'Groups');
    await page.getByRole('radiogroup', { name: 'Which events' }).getByText('Past', { exact: true }).click();
    await groups.events().filter({ hasText: 'Peer support evening' }).getByRole('button').click();
    await expect(groups.participants()).toHaveCount(ZOOM_PEOPLE.length);
    for (const name of ZOOM_PEOPLE) await expectNameVisible(groups.participants().getByRole('button', { name, exact: true }), `${name} on the event`);
    // Stacked: the column headings are out of sight, each value labelled in its row instead.
    await expect(page.getByRole('columnheader', { name: 'Attendance' })).not.toBeInViewport();
    await expectClean(page, 'a held event at 320 CSS px');
  });

  test('the caseload stays a virtual list when its rows are stacked: only the rows on screen are in the page', async ({ page, harness }) => {
    await zoomCaseload(harness.ctx, 600);
    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    await keyboardGoTo(page, 'Caseload');
    await expect(page.getByText('603 people')).toBeVisible();
    const list = page.getByLabel('Caseload list, scrollable');
    // Stacked: the column headings are hidden from sight, and a row is several lines tall.
    await expect(page.getByRole('columnheader', { name: 'Case ID' })).not.toBeInViewport();
    const rowHeight = (await caseload.rows().filter({ hasText: ZOOM_PEOPLE[2] }).boundingBox())?.height ?? 0;
    expect(rowHeight).toBeGreaterThan(80);
    expect(await caseload.rows().count()).toBeLessThan(60);
    // The last person can be scrolled to: the list's height is worked out from rows as they are
    // drawn, so it grows while scrolling down, as a person's scrolling would go on; scroll again
    // until the last row is there.
    await expect(async () => {
      await list.evaluate((el) => {
        const box = el as unknown as { scrollTop: number; scrollHeight: number };
        box.scrollTop = box.scrollHeight;
      });
      await expect(list.getByRole('row').last()).toHaveAttribute('aria-rowindex', '604', { timeout: 1_000 });
    }).toPass();
    await expect(caseload.rows().filter({ hasText: 'PS-' }).last()).toBeVisible();
    expect(await caseload.rows().count()).toBeLessThan(60);
  });

  test('a refused form shows "There is a problem" with a link to each field, and focus goes to it', async ({ page, harness }) => {
    await zoomCaseload(harness.ctx, 0);
    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    await keyboardGoTo(page, 'Caseload');
    await caseload.openAddPerson();
    const dialog = caseload.addDialog();
    await dialog.getByRole('button', { name: 'Add person' }).click();
    const summary = dialog.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    const link = summary.getByRole('link', { name: 'Enter the name the person likes to be called.' });
    await expect(link).toBeVisible();
    // Still beside the field too.
    await expect(dialog.getByText('Enter the name the person likes to be called.')).toHaveCount(2);
    await link.click();
    await expect(dialog.getByLabel('Preferred name')).toBeFocused();
    await expect(dialog.getByLabel('Preferred name')).toBeInViewport();
    await expectAccessible(page, 'Add person with errors at 320 CSS px');
    await expectCodeSnifferClean(page, 'Add person with errors at 320 CSS px');
    // Put right, its message leaves the summary.
    await dialog.getByLabel('Preferred name').fill('Amara Okonkwo');
    await expect(summary.getByRole('link', { name: 'Enter the name the person likes to be called.' })).toHaveCount(0);
  });
});

test('every control on the caseload and in Add person shows a focus ring of at least 2 px when reached by Tab', async ({ page, harness }) => {
  await zoomCaseload(harness.ctx, 3);
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  // The focused element's outline, read in the page.
  const ring = () =>
    page.evaluate<{ name: string; width: number }>(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { name: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30), width: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) };
    })()`);
  await page.getByRole('heading', { name: 'Caseload', level: 2 }).focus();
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    const { name, width } = await ring();
    expect(width, `focus ring on ${name}`).toBeGreaterThanOrEqual(2);
  }
  await caseload.openAddPerson();
  for (let i = 0; i < 10; i++) {
    const { name, width } = await ring();
    expect(width, `focus ring on ${name} in Add person`).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Tab');
  }
});
