// Names as London's caseloads hold them: a name typed with its letters decomposed (e + a combining
// diaeresis) is still the same person, and a search without accents finds them.
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { SetupPage } from './pages/SetupPage';

const zoe = { name: 'Zoë Nguyễn-Đặng', dateOfBirth: '12/04/1988' };

test('the same name typed decomposed warns of a duplicate, and "nguyen" finds her', async ({ page, harness }) => {
  await page.goto(harness.url);
  await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.addPerson(zoe);
  const person = new PersonPage(page);
  await person.expectShown(zoe.name);
  const caseId = (await person.facts().getByText(/^PS-/).innerText()).trim();

  await step('the same name as base letters and combining marks, as some keyboards and pasted text send it', async () => {
    const decomposed = zoe.name.normalize('NFD');
    expect(decomposed).not.toBe(zoe.name);
    await caseload.goto();
    await caseload.addPerson({ ...zoe, name: decomposed });
    const warning = page.getByRole('region', { name: /already on your caseload/ });
    await expect(warning).toContainText(caseId);
    await expect(warning).toContainText('same name and date of birth');
    await expectAccessible(page, 'add person: the same name typed another way');
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await expect(caseload.addDialog()).toBeHidden();
  });

  await step('a search without accents finds her', async () => {
    await caseload.search('nguyen');
    await expect(page.getByText('1 found')).toBeVisible();
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.row(zoe.name)).toBeVisible();
    await expectAccessible(page, 'caseload: a search without accents');
  });

  await step('nobody matches: the screen says so plainly and what it searched, not that the spelling is wrong', async () => {
    await caseload.search('nobody-by-this-name');
    await expect(page.getByText('No one matches “nobody-by-this-name”.')).toBeVisible();
    await expect(page.getByText(/Check the spelling/)).toHaveCount(0);
    await expect(page.getByText(/looks at names \(accents and capitals do not matter\), case IDs, NHS Numbers and hospital numbers/)).toBeVisible();
  });

  await step('while the answer for new words is on its way, the screen says it is searching', async () => {
    // It does not say no one matches words it has not looked for yet (nor keep the last words' message up).
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/__harness/api/people.list', async (route) => {
      await answered;
      await route.continue();
    });
    await caseload.search('someone-else');
    await expect(page.getByRole('progressbar', { name: 'Searching the caseload' }).or(page.getByLabel('Searching the caseload'))).toBeVisible();
    await expect(page.getByText('Searching…')).toBeVisible();
    await expect(page.getByText(/No one matches/)).toHaveCount(0);
    release();
    await expect(page.getByText('No one matches “someone-else”.')).toBeVisible();
    await page.unroute('**/__harness/api/people.list');
  });
});
