// The harness itself, as someone running `npm run harness` meets it: it makes a data folder that
// is not there yet, and on a busy machine a call it does not answer at once is tried again with
// "Still working…" on screen (tests/harness/retry.ts), never a dead end, and a write tried again
// is done once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness } from '../harness/server';
import { expect, PASSPHRASE, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { SetupPage } from './pages/SetupPage';
import { seedWorkspace } from './seed';

test('set-up works in a data folder that does not exist yet: the harness makes it', async ({ page, dataDir }) => {
  const folder = join(dataDir, 'new-folder', 'caseload');
  const harness = await startHarness({ dataDir: folder });
  try {
    await page.goto(harness.url);
    await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
    await new CaseloadPage(page).goto();
    await expect(page.getByText('No one on your caseload yet')).toBeVisible();
    expect(existsSync(join(folder, 'caseload.keys'))).toBe(true);
  } finally {
    await harness.close();
  }
});

test('a call the harness does not answer is tried again with "Still working…" shown, and the app then opens', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  // The first two tries get no answer (a dropped connection); the third is held until the test
  // has seen what the person sees meanwhile.
  let tries = 0;
  let answer!: () => void;
  const held = new Promise<void>((go) => (answer = go));
  await page.route('**/__harness/api/workspace.status', async (route) => {
    tries++;
    if (tries <= 2) return route.abort('connectionreset');
    await held;
    await route.continue();
  });
  await page.goto(harness.url);
  await expect(page.getByRole('status').filter({ hasText: 'Still working…' })).toBeVisible();
  await expect(page.getByText('The app could not start')).toHaveCount(0);
  answer();
  await expect(page.getByRole('banner')).toContainText('Signed in as Sam Peer');
  await expect(page.getByText('Still working…')).toHaveCount(0);
  expect(tries).toBe(3);
});

test('a person added while the answer was lost on the way is added once', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  // The first try reaches the app and is saved, but its answer never reaches the page.
  let lost = false;
  await page.route('**/__harness/api/people.create', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await caseload.addPerson({ name: 'Amara Okonkwo', dateOfBirth: '12/04/1988', referred: '01/10/2026' });
  await new PersonPage(page).expectShown('Amara Okonkwo');
  expect(lost).toBe(true);
  await caseload.goto();
  await expect(caseload.rows()).toHaveCount(1);
});
