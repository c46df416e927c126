// Backups, restore, the audit log and the damaged-file screen, as a coordinator meets them: in
// Debian's Chromium through the harness, against a real encrypted caseload on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from '../support/workspace';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { AuditPage } from './pages/AuditPage';
import { BackupsPage } from './pages/BackupsPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { UnlockPage } from './pages/UnlockPage';
import { refer, seedWorkspace } from './seed';

test('back up now, then restore that backup: its counts are shown and the caseload is as it was', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Amara Before' });
  await page.goto(harness.url);
  const backups = new BackupsPage(page);
  await backups.goto();
  // The daily backup taken at set-up.
  await expect(backups.rows()).toHaveCount(1);
  // The folder chooser is Electron's own dialog: the browser has none, so no button for it.
  await expect(backups.section().getByLabel('Backup folder')).toBeVisible();
  await expect(backups.section().getByRole('button', { name: 'Choose folder…' })).toHaveCount(0);
  await expectAccessible(page, 'settings: backups');

  await step('back up now: verified, with its counts', async () => {
    await backups.backUpNow();
    await expect(page.getByText('Backup made')).toBeVisible();
    await expect(backups.rows()).toHaveCount(2);
    await expect(backups.rows().first()).toContainText('Verified');
    await expect(backups.rows().first().getByRole('cell').nth(2)).toHaveText('1');
  });

  await step('someone is added after the backup: the restore takes the caseload back to before them', async () => {
    await refer(harness.ctx, { preferredName: 'Bo After' });
    await backups.restoreNewest();
    await expectAccessible(page, 'restore: unlock the backup');
    await backups.openBackupWith('not the passphrase at all');
    await expect(backups.restoreDialog().getByText('That does not open this backup.')).toBeVisible();
    await backups.openBackupWith(PASSPHRASE);
    await expect(backups.counts().getByRole('row', { name: /People/ })).toContainText('1');
    await expect(backups.restoreDialog()).toContainText('kept as a safety copy');
    await expectAccessible(page, 'restore: counts and confirm');
    await backups.confirmRestore();
  });

  await step('restored: locked, and then the caseload as it was', async () => {
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    await expect(page.getByText('Backup restored')).toBeVisible();
    await unlock.unlock(PASSPHRASE);
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await expect(caseload.row('Amara Before')).toBeVisible();
    await expect(caseload.rows()).toHaveCount(1);
  });
});

test('the audit log: filter by action, verify the chain, export the filtered entries', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  const p = await refer(harness.ctx, { preferredName: 'Amara Audited' });
  await must(harness.ctx, 'people.get', { id: p.id });
  await must(harness.ctx, 'people.get', { id: p.id });
  await page.goto(harness.url);
  const audit = new AuditPage(page);
  await audit.goto();
  await expect(audit.rows().first()).toBeVisible();
  await expectAccessible(page, 'audit log');
  // Records by number only: the name is nowhere on the screen.
  await expect(page.locator('body')).not.toContainText('Amara');

  await audit.filterAction('Viewed a record');
  await expect(audit.rows()).toHaveCount(2);
  await expect(audit.rows().first()).toContainText('Viewed a record');
  await expect(audit.rows().first()).toContainText('Sam Peer');
  await expect(audit.rows().first().getByRole('cell').nth(4)).toHaveText(String(p.id));

  await audit.verify();
  await expect(page.getByText('OK: the chain is intact')).toBeVisible();
  await audit.exportCsv();
  await expect(page.getByText('Audit log saved')).toBeVisible();
  await expect(page.getByText(/^2 entries in audit-log_/)).toBeVisible();
  await expectAccessible(page, 'audit log: verified and exported');
  const fileName = (await page.getByText(/^2 entries in /).locator('strong').innerText()).trim();
  const csv = readFileSync(join(dataDir, 'exports', fileName), 'utf8');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
  expect(csv).not.toContain('Amara');
});

test('a damaged caseload file: the damaged screen says so, and the newest good backup restores it', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Amara Safe' });
  await must(harness.ctx, 'backups.create', {});
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.lock();
  const unlock = new UnlockPage(page);
  await unlock.expectLocked();

  // Something outside the app writes over part of the file while it is closed.
  const file = join(dataDir, 'caseload.db');
  const bytes = readFileSync(file);
  bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 3000);
  writeFileSync(file, bytes);

  await unlock.unlock(PASSPHRASE);
  await expect(page.getByRole('heading', { name: 'The caseload file is damaged', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing has been deleted or changed.')).toBeVisible();
  await expect(page.getByText(/damaged-copy-\d{8}T\d{6}Z/)).toBeVisible();
  const newest = page.getByRole('region', { name: 'Newest good backup' });
  await expect(newest.getByRole('row', { name: /People/ })).toContainText('1');
  await expectAccessible(page, 'damaged caseload');

  await newest.getByRole('button', { name: 'Restore this backup…' }).click();
  const backups = new BackupsPage(page);
  await backups.openBackupWith(PASSPHRASE);
  await expect(backups.counts().getByRole('row', { name: /People/ })).toContainText('1');
  await expect(backups.restoreDialog()).toContainText('The damaged caseload is not deleted');
  await backups.confirmRestore();
  await unlock.unlock(PASSPHRASE);
  await caseload.goto();
  await expect(caseload.row('Amara Safe')).toBeVisible();
});
