// Screenshots for `npm run screenshots`: Settings → Backups (list, back up now, a refused folder),
// the restore dialog's two steps, the audit log (filtered, verified, exported, and a broken
// chain), and the damaged-caseload screen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { PASSPHRASE } from '../fixtures';
import { AuditPage } from '../pages/AuditPage';
import { BackupsPage } from '../pages/BackupsPage';
import { CaseloadPage } from '../pages/CaseloadPage';
import { UnlockPage } from '../pages/UnlockPage';
import { refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
const settle = (page: Page) => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);

export async function backupAndAuditScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-backups-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await seedWorkspace(harness.ctx);
    for (const name of ['Amara Okonkwo', 'Jo Test', 'Priya Example']) {
      const p = await refer(harness.ctx, { preferredName: name, referredDaysAgo: 3 });
      await must(harness.ctx, 'people.get', { id: p.id });
    }
    await page.goto(harness.url);

    const backups = new BackupsPage(page);
    await backups.goto();
    await backups.backUpNow();
    await page.getByText('Backup made').waitFor();
    await backups.section().scrollIntoViewIfNeeded();
    await shot(page, '100-settings-backups-made');
    await settle(page);
    await backups.section().getByLabel('Backup folder').fill('backups here');
    await backups.section().getByRole('button', { name: 'Save backup settings' }).click();
    await backups.section().getByText(/^Enter the folder’s full path/).waitFor();
    await backups.section().scrollIntoViewIfNeeded();
    await shot(page, '101-settings-backups-folder-error');
    await backups.section().getByLabel('Backup folder').fill('');

    await backups.restoreNewest();
    await backups.openBackupWith('not the passphrase at all');
    await backups.restoreDialog().getByText('That does not open this backup.').waitFor();
    await shot(page, '102-restore-unlock-wrong');
    await backups.openBackupWith(PASSPHRASE);
    await backups.counts().waitFor();
    await shot(page, '103-restore-counts-confirm');
    await backups.restoreDialog().getByRole('button', { name: 'Cancel' }).click();

    const audit = new AuditPage(page);
    await audit.goto();
    await audit.rows().first().waitFor();
    await shot(page, '104-audit-log');
    await audit.filterAction('Viewed a record');
    await audit.verify();
    await page.getByText('OK: the chain is intact').waitFor();
    await audit.exportCsv();
    await page.getByText('Audit log saved').waitFor();
    await shot(page, '105-audit-log-filtered-verified-exported', true);
    // Someone with the key and a SQLite tool edits an entry: the check finds it.
    harness.ctx.session!.db.exec('DROP TRIGGER audit_log_no_update');
    harness.ctx.session!.db.exec("UPDATE audit_log SET entity_id = 999 WHERE action = 'people.create'");
    await audit.verify();
    await page.getByText(/^The chain is broken at entry/).waitFor();
    await shot(page, '106-audit-log-chain-broken');

    // The damaged screen: the file written over while locked.
    await new CaseloadPage(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    const file = join(dir, 'caseload.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 2 + 3000);
    writeFileSync(file, bytes);
    await unlock.unlock(PASSPHRASE);
    await page.getByRole('heading', { name: 'The caseload file is damaged' }).waitFor();
    await shot(page, '107-damaged-caseload', true);
    await page.getByRole('region', { name: 'Newest good backup' }).getByRole('button', { name: 'Restore this backup…' }).click();
    await backups.openBackupWith(PASSPHRASE);
    await backups.counts().waitFor();
    await shot(page, '108-damaged-restore-confirm');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
