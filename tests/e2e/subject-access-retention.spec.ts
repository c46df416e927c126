// Information governance in a coordinator's week: a person asks for a copy of their record (the
// PDF downloaded and read back), and records long past retention are found and deleted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from '../support/workspace';
import { pdfText } from '../support/pdfText';
import { expect, expectAccessible, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { SettingsPage } from './pages/SettingsPage';
import { contact, daysAgo, refer, seedWorkspace, shown, today } from './seed';

const LONG_NAME = 'Oluwaseun Adebayo-Whitfield-Montgomery-Kensington Testperson-Longname';
const squash = (s: string) => s.replace(/\s+/g, '');

test('a coordinator makes a subject access copy as a PDF, downloads it, and the file holds the record', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  let p = await refer(harness.ctx, { preferredName: LONG_NAME, nhsNumber: '9434765919', referredDaysAgo: 40 });
  p = await contact(harness.ctx, p, { contactOn: daysAgo(30), attendance: 'attended', topics: ['stigma'], note: 'Talked about telling a close friend; will decide after the next clinic visit.' });
  await must(harness.ctx, 'goals.create', { episodeId: p.episodes[0].id, description: 'Tell one friend I trust', area: 'telling_others', setOn: daysAgo(29) });

  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.open(LONG_NAME);
  const person = new PersonPage(page);
  const dialog = await person.openSubjectAccess();
  await expect(dialog).toContainText(p.caseId);
  await expect(dialog.getByRole('radio', { name: 'PDF to read or print' })).toBeChecked();
  await expectAccessible(page, 'subject access: choosing the format');

  await dialog.getByRole('button', { name: 'Make the copy' }).click();
  const fileName = `subject-access-${p.caseId}-${today()}.pdf`;
  await expect(dialog.getByRole('status').filter({ hasText: 'Copy saved' })).toContainText(fileName);
  await expectAccessible(page, 'subject access: copy saved');

  // Downloaded as the person would get it: exactly the file written, a PDF holding the record.
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.equals(readFileSync(join(dataDir, 'exports', fileName)))).toBe(true);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(dialog).toContainText(createHash('sha256').update(bytes).digest('hex'));
  const text = squash(pdfText(bytes));
  for (const s of [`Copy of the record held about ${LONG_NAME}`, '943 476 5919', 'Talked about telling a close friend; will decide after the next clinic visit.', 'Tell one friend I trust', '1-to-1 peer support', shown(daysAgo(30))]) {
    expect(text).toContain(squash(s));
  }
  expect(text).toMatch(/Page1of\d+\./);

  const audit = await must(harness.ctx, 'audit.list', { action: 'person.subject_access_copy' });
  expect(audit.map((e) => [e.entityId, JSON.parse(e.detail!).format])).toEqual([[p.id, 'pdf']]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('a coordinator finds a record long past retention and deletes it, after typing how many', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  // Support ended nine years ago: past the default eight.
  const old = await refer(harness.ctx, { preferredName: 'Adaeze Oldrecord', referredDaysAgo: 9 * 366 + 60 });
  await contact(harness.ctx, old, { contactOn: daysAgo(9 * 366 + 50), attendance: 'attended', note: 'A note from long ago.' });
  await must(harness.ctx, 'episodes.close', { episodeId: old.episodes[0].id, closedOn: daysAgo(9 * 366), reason: 'goals_met' });
  const recent = await refer(harness.ctx, { preferredName: 'Bisi Recentclose', referredDaysAgo: 400 });
  await must(harness.ctx, 'episodes.close', { episodeId: recent.episodes[0].id, closedOn: daysAgo(300), reason: 'moved_away' });
  await refer(harness.ctx, { preferredName: 'Chinwe Current', referredDaysAgo: 10 });

  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  const filters = page.getByRole('group', { name: 'Find people' });
  await step('the caseload’s filter finds the record past retention', async () => {
    await filters.getByRole('checkbox', { name: 'Past retention (closed over 8 years)' }).check();
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Adaeze Oldrecord');
    await expectAccessible(page, 'caseload: past retention');
  });

  const settings = new SettingsPage(page);
  const panel = settings.retention();
  await step('Settings lists it, with when support ended', async () => {
    await settings.goto();
    await expect(panel).toContainText('1 record is past retention.');
    await expect(settings.retentionRows()).toHaveCount(1);
    await expect(settings.retentionRows().first()).toContainText(old.caseId);
    await expect(settings.retentionRows().first()).toContainText(shown(daysAgo(9 * 366)));
    await expect(panel).toContainText('Backups made before then still hold them');
    await expectAccessible(page, 'settings: records past retention');
  });

  await step('deleting it needs the number typed', async () => {
    await panel.getByRole('button', { name: 'Delete these records' }).click();
    const dialog = settings.deleteDialog();
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete 1 record' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Type 1 to confirm').fill('2');
    await expect(dialog).toContainText('Type 1, the number of records listed.');
    await expect(confirm).toBeDisabled();
    await expectAccessible(page, 'settings: confirming a deletion');
    await dialog.getByLabel('Type 1 to confirm').fill('1');
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('1 record deleted.')).toBeVisible();
    await expect(panel).toContainText('No records are past retention.');
  });

  await step('gone from the caseload; everyone else still there; the audit log says which record, by id', async () => {
    // Still filtered as it was left: now no one is past retention.
    await caseload.goto();
    await expect(filters.getByRole('checkbox', { name: 'Past retention (closed over 8 years)' })).toBeChecked();
    await expect(page.getByText('No one matches these filters.', { exact: false })).toBeVisible();
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText('2 people', { exact: true })).toBeVisible();
    await expect(caseload.row('Adaeze Oldrecord')).toHaveCount(0);
    const audit = await must(harness.ctx, 'audit.list', { action: 'person.purged' });
    expect(audit.map((e) => e.entityId)).toEqual([old.id]);
  });
});
