// Putting mistakes right through a worker's and a coordinator's eyes (issue 16): an assessment
// answered wrongly is corrected and scored again; a contact logged on the wrong person is marked
// entered in error with a reason and shows struck through; two records of one person are merged
// from the record kept. Every dialog is checked with axe.
import type { Page } from '@playwright/test';
import type { Harness } from '../harness/server';
import { must } from '../support/workspace';
import { expect, expectAccessible, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { OutcomesPage } from './pages/OutcomesPage';
import { PersonPage } from './pages/PersonPage';
import { contact, daysAgo, refer, seedWorkspace, shown } from './seed';

const phq = (keys: string) => Object.fromEntries([...keys].map((k, i) => [`q${i + 1}`, Number(k)]));

async function openRecord(page: Page, harness: Harness, name: string) {
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.open(name);
  return new PersonPage(page);
}

/** The timeline row holding this text, and its actions menu. */
function row(person: PersonPage, text: string | RegExp) {
  return person.timeline().getByRole('listitem').filter({ hasText: text });
}

test('an assessment answered wrongly is corrected and scored again; a contact on the wrong person is marked entered in error', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo', referredDaysAgo: 120 });
  const episodeId = amara.episodes[0].id;
  await contact(harness.ctx, amara, { contactOn: daysAgo(113), attendance: 'attended', minutes: 45 });
  await contact(harness.ctx, amara, { contactOn: daysAgo(40), attendance: 'attended', note: 'Notes meant for another person' });
  const completedOn = daysAgo(100);
  await must(harness.ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn, method: 'self_completed', responses: phq('111111110') });
  const person = await openRecord(page, harness, 'Amara Okonkwo');
  await expect(row(person, 'PHQ-9: 8 (mild)')).toBeVisible();

  await step('the assessment is opened for correction from its row, with the answers as given', async () => {
    await row(person, 'PHQ-9: 8').getByRole('button', { name: `Actions for assessment on ${shown(completedOn)}` }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct an assessment' });
    await expect(dialog).toBeVisible();
    const outcomes = new OutcomesPage(page);
    await expect(outcomes.question(dialog, 1).getByRole('radio', { name: /^1:/ })).toBeChecked();
    await expect(dialog.getByTestId('live-score')).toContainText('PHQ-9 total: 8');
    await expectAccessible(page, 'correct an assessment');
    await outcomes.typeAnswers(dialog, '33333333');
    await expect(dialog.getByTestId('live-score')).toContainText('PHQ-9 total: 24');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await expect(dialog).toBeHidden();
  });
  await expect(row(person, 'PHQ-9: 24 (severe)')).toBeVisible();
  await expect(row(person, 'PHQ-9: 8')).toHaveCount(0);

  await step('the contact is marked entered in error: the reason is asked for, then it shows struck through with it', async () => {
    const contactRow = row(person, 'Notes meant for another person');
    await contactRow.getByRole('button', { name: `Actions for contact on ${shown(daysAgo(40))}` }).click();
    await page.getByRole('menuitem', { name: 'Mark entered in error…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as entered in error' });
    await expect(dialog).toContainText('left out of every figure, report, list and export');
    await dialog.getByRole('button', { name: 'Mark entered in error' }).click();
    await expect(dialog.getByRole('textbox', { name: /Why was this entered in error/ })).toHaveAccessibleDescription(/Say why this record was entered in error/);
    await expectAccessible(page, 'mark entered in error: reason missing');
    await dialog.getByRole('textbox', { name: /Why was this entered in error/ }).fill('Logged on the wrong person');
    await dialog.getByRole('button', { name: 'Mark entered in error' }).click();
    await expect(dialog).toBeHidden();
  });
  const struck = row(person, 'Notes meant for another person');
  await expect(struck).toContainText('Entered in error');
  await expect(struck).toContainText('Logged on the wrong person');
  await expect(struck.locator('s')).toHaveCount(1);
  await person.openTab('Contacts');
  await expect(page.getByText('Notes meant for another person')).toHaveCount(0);
  await expectAccessible(page, 'person record after corrections');
});

test('a coordinator merges a duplicate record into the one kept, and every record moves with it', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const kept = await refer(harness.ctx, { preferredName: 'Amara Okonkwo', referredDaysAgo: 300 });
  await must(harness.ctx, 'episodes.close', { episodeId: kept.episodes[0].id, closedOn: daysAgo(200), reason: 'goals_met', summary: null });
  const duplicate = await refer(harness.ctx, { preferredName: 'Amara O', referredDaysAgo: 20, allowDuplicate: true, pathway: 'opt_out_reengagement' });
  await contact(harness.ctx, duplicate, { contactOn: daysAgo(10), attendance: 'attended', note: 'First chat since coming back' });

  const person = await openRecord(page, harness, 'Amara Okonkwo');
  await step('the duplicate is found by its case ID, and the dialog says what will happen', async () => {
    await page.getByRole('button', { name: 'Correct this record' }).click();
    await page.getByRole('menuitem', { name: 'Merge a duplicate record into this one…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge a duplicate record into this one' });
    await dialog.getByRole('textbox', { name: 'Case ID of the duplicate record' }).fill(kept.caseId);
    await dialog.getByRole('button', { name: 'Find record' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Case ID of the duplicate record' })).toHaveAccessibleDescription('That is this record’s own case ID.');
    await dialog.getByRole('textbox', { name: 'Case ID of the duplicate record' }).fill(duplicate.caseId.toLowerCase());
    await dialog.getByRole('textbox', { name: 'Case ID of the duplicate record' }).press('Enter');
    await expect(dialog).toContainText(`Merge ${duplicate.caseId} into ${kept.caseId}?`);
    await expect(dialog).toContainText('audit log records the merge with both case IDs');
    await expectAccessible(page, 'merge two records');
    await dialog.getByRole('button', { name: 'Merge into this record' }).click();
    await expect(dialog).toBeHidden();
  });
  await expect(row(person, 'First chat since coming back')).toBeVisible();
  await expect(person.timeline().getByText(/^Referral received/)).toHaveCount(2);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.search('Amara O');
  await expect(caseload.row('Amara Okonkwo')).toHaveCount(1);
  await expect(page.getByText(duplicate.caseId)).toHaveCount(0);
});
