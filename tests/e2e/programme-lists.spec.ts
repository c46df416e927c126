// A coordinator makes the programme's own support types theirs: adds "Life coaching" with the
// trust's code, renames it, then retires it. A worker's contact form offers it while it is in use,
// the contact that holds it still reads by its name once retired, and the form no longer offers it.
// Each dialog and the section are checked with axe.
import { expect, expectAccessible, step, test } from './fixtures';
import { ProgrammeListsPage } from './pages/ProgrammeListsPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { refer, seedWorkspace } from './seed';
import { must } from '../support/workspace';

const LIST = 'Support and contact types';

test('a coordinator adds, renames and retires a support type; records keep it, new ones are not offered it', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const person = await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await page.goto(harness.url);
  const lists = new ProgrammeListsPage(page);
  await lists.goto();

  await step('the list shows today’s support types, and an empty entry is refused with a summary', async () => {
    await expect(lists.entries(LIST)).toHaveText(['1-to-1 peer support', 'Accompaniment to an appointment', 'Signposting only']);
    await page.getByRole('button', { name: 'Add an entry' }).click();
    await lists.dialog().getByRole('button', { name: 'Add entry' }).click();
    await expect(lists.dialog().getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(lists.dialog().getByText('Enter the words people will see.').first()).toBeVisible();
    await expectAccessible(page, 'add list entry with an error');
    await lists.dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  await step('added with the trust’s code, then renamed: the code stays', async () => {
    await lists.add('Life coaching', 'LC01');
    await expect(lists.row(LIST, 'Life coaching')).toContainText('LC01');
    await lists.change('Life coaching');
    await expect(lists.dialog().getByText('life_coaching')).toBeVisible();
    await expectAccessible(page, 'change list entry');
    await lists.dialog().getByLabel('Words people see').fill('Life coaching (1-to-1)');
    await lists.dialog().getByRole('button', { name: 'Save entry' }).click();
    await expect(lists.dialog()).toBeHidden();
    await expect(lists.row(LIST, 'Life coaching (1-to-1)')).toContainText('LC01');
    await expectAccessible(page, 'settings: programme lists');
  });

  await step('a worker’s contact form offers it, and a contact is logged with it', async () => {
    const episodeId = (await must(harness.ctx, 'people.get', { id: person.id })).episodes[0].id;
    await must(harness.ctx, 'contacts.create', { episodeId, contactOn: new Date().toISOString().slice(0, 10), type: 'life_coaching', mode: 'phone', attendance: 'attended' });
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await caseload.open('Amara Okonkwo');
    await new PersonPage(page).openTab('Contacts');
    await expect(page.getByText(/Life coaching \(1-to-1\), phone/)).toBeVisible();
  });

  await step('retired: still on the contact by its name, no longer offered for a new one', async () => {
    await lists.goto();
    await lists.change('Life coaching (1-to-1)');
    await lists.dialog().getByLabel('Offered for new records').uncheck();
    await lists.dialog().getByRole('button', { name: 'Save entry' }).click();
    await expect(lists.row(LIST, 'Life coaching (1-to-1)')).toContainText('Retired');
    // In use, so it cannot be deleted: no Delete button for it.
    await expect(page.getByRole('button', { name: 'Delete Life coaching (1-to-1)' })).toHaveCount(0);
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await caseload.open('Amara Okonkwo');
    const record = new PersonPage(page);
    await record.openTab('Contacts');
    await expect(page.getByText(/Life coaching \(1-to-1\), phone/)).toBeVisible();
    const dialog = await record.openLogContact();
    const type = dialog.getByRole('radiogroup', { name: 'Type' });
    await expect(type.getByRole('radio')).toHaveCount(3);
    await expect(type.getByLabel('Life coaching (1-to-1)')).toHaveCount(0);
  });
});
