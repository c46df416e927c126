// From the caseload's search box to a person's record by keyboard alone: type, ↓, Enter. The list
// stays virtualised (only the rows on screen are in the page), and ↓ never lands on a row left
// over from the words typed before.
import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { refer, seedWorkspace } from './seed';

test('type, ↓, Enter opens the person found; ↑ from the first row goes back to the search', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  for (const preferredName of ['Amara Okonkwo', 'Bola Adeyemi', 'Zoë Nguyễn-Đặng', 'Chidi Eze']) await refer(harness.ctx, { preferredName });
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();

  const search = page.getByRole('textbox', { name: 'Search' });
  await search.focus();
  await page.keyboard.type('bola');
  await page.keyboard.press('ArrowDown');
  const bola = caseload.row('Bola Adeyemi');
  await expect(bola).toBeFocused();
  await expect(caseload.rows()).toHaveCount(1);
  await expectAccessible(page, 'caseload: a row reached from the search by ↓');

  // ↑ from the first row is back in the search box, the words still there.
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('bola');

  // New words, ↓ at once: the focus waits for their answer, then lands on Zoë, not on Bola.
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__harness/api/people.list', async (route) => {
    await answered;
    await route.continue();
  });
  await search.fill('');
  await page.keyboard.type('nguyen');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText('Searching…')).toBeVisible();
  await expect(bola).not.toBeFocused();
  release();
  const zoe = caseload.row('Zoë Nguyễn-Đặng');
  await expect(zoe).toBeFocused();
  await page.unroute('**/__harness/api/people.list');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Zoë Nguyễn-Đặng', level: 2 })).toBeVisible();
});

test('↓ walks a long list that stays virtualised', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  for (let i = 1; i <= 60; i++) await refer(harness.ctx, { preferredName: `Person ${String(i).padStart(2, '0')}`, dateOfBirth: '1980-01-01', nhsNumber: null });
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await page.getByRole('textbox', { name: 'Search' }).focus();
  await page.keyboard.type('person');
  await page.keyboard.press('ArrowDown');
  // Newest first: Person 60 leads.
  await expect(caseload.row('Person 60')).toBeFocused();
  // Only the rows on screen (and a few either side) are in the page, not all sixty.
  expect(await caseload.rows().count()).toBeLessThan(60);
  for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowDown');
  await expect(caseload.row('Person 15')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Person 15', level: 2 })).toBeVisible();
});
