// `npm run screenshots`: walks every screen through the harness in Debian's Chromium and saves
// PNGs to screenshots/ (git-ignored) for a person to look at: empty states, errors, long names,
// and a 50,000-person caseload.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { repoMigrationsDir } from '../../core/api/context';
import { loadMigrations } from '../../db/migrate';
import { insertPeople } from '../../db/queries/bulk';
import { closeWorkspace, createWorkspace } from '../../db/workspace';
import { syntheticPeople } from '../../db/synthetic';
import { startHarness } from '../harness/server';
import { tempDir } from '../support/workspace';
import { CaseloadPage } from './pages/CaseloadPage';
import { openSettings } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { UnlockPage } from './pages/UnlockPage';
import { CHROMIUM_ARGS } from './playwright.config';
import { governanceScreens } from './shots/governance';
import { backupAndAuditScreens } from './shots/backupsAudit';
import { membersScreens } from './shots/members';
import { myDayAndGroups } from './shots/myDay';
import { outcomeScreens } from './shots/outcomes';
import { placesScreens } from './shots/places';
import { personScreens } from './shots/person';
import { reportsAndExportScreens } from './shots/reportsAndExports';
import { zoomScreens } from './shots/zoom';
import { workerActsScreens } from './shots/workerActs';
import { combineScreens } from './shots/combine';
import { programmeListScreens } from './shots/programmeLists';
import { importScreens } from './shots/imports';
import { correctionsScreens } from './shots/corrections';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const PASSPHRASE = 'violet harbour tractor sunrise';
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
// Transitions finished first: a radio just chosen is shown chosen, not halfway there.
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage, animations: 'disabled' });

async function journey() {
  const { dir, cleanup } = tempDir('caseload-shots-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  try {
    await page.goto(harness.url);
    const setup = new SetupPage(page);
    await setup.continueFromWhere();
    await page.getByRole('button', { name: 'Create caseload' }).click();
    await shot(page, '01-setup-errors');
    await setup.fillDetails('Riverside Sexual Health and HIV Service at the Royal Free-Standing Community Hospital', 'Sam Peer', PASSPHRASE);
    const key = await setup.readRecoveryKey();
    await shot(page, '02-setup-recovery-key');
    await page.getByRole('button', { name: 'I have saved my recovery key' }).click();
    await page.getByRole('button', { name: 'Continue to my caseload' }).click();
    await shot(page, '03-setup-confirm-wrong');
    await setup.typeRecoveryGroup(key);
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await shot(page, '04-caseload-empty');
    await caseload.openAddPerson();
    await page.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Enter the name the person likes to be called.').first().waitFor();
    await shot(page, '05-add-person-errors');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await caseload.addPerson({ name: 'Oluwaseun Adebayo-Whitfield-Montgomery-Kensington Testperson-Longname', nhsNumber: '943 476 5919', dateOfBirth: '12/04/1988' });
    await caseload.goto();
    await caseload.addPerson({ name: 'Jo Test', dateOfBirth: '01/01/1990' });
    await page.getByRole('heading', { name: 'Jo Test', level: 2 }).waitFor();
    await caseload.goto();
    await page.getByRole('row', { name: /Jo Test/ }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(page, '06-caseload-two-people');
    await openSettings(page, 'Members and sign-in');
    await page.getByLabel('Lock after this many idle minutes').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await shot(page, '07-settings-error');
    await caseload.lock();
    const unlock = new UnlockPage(page);
    await unlock.unlock('wrong passphrase here');
    await page.getByText('That passphrase is not right').waitFor();
    await shot(page, '08-locked-wrong-passphrase');
    await page.getByRole('button', { name: /Forgotten your passphrase/ }).click();
    await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    await shot(page, '09-recovery-errors');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}

async function large() {
  const { dir, cleanup } = tempDir('caseload-shots-large-');
  const { workspace } = await createWorkspace(
    { dataDir: dir, migrations: loadMigrations(repoMigrationsDir()) },
    { organisation: 'Synthetic Training Clinic', displayName: 'Training Coordinator', passphrase: PASSPHRASE },
  );
  insertPeople(workspace, syntheticPeople(50_000, 7));
  closeWorkspace(workspace);
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    await page.goto(harness.url);
    await new UnlockPage(page).unlock(PASSPHRASE);
    const started = Date.now();
    // The app opens on My day; the caseload is one click away.
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor({ timeout: 60_000 });
    await new CaseloadPage(page).goto();
    await new CaseloadPage(page).rows().first().waitFor({ timeout: 60_000 });
    console.log(`50,000 people: caseload shown ${Date.now() - started} ms after unlock`);
    await shot(page, '10-caseload-50000');
    await page.getByLabel('Caseload list, scrollable').evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 41 * 30_000));
    await page.getByRole('row').filter({ hasText: /^PS-/ }).first().waitFor();
    await page.getByText('Loading…').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await shot(page, '10b-caseload-50000-scrolled');
    await page.getByLabel('Search').fill('Amara Test');
    await page.getByText(/found$/).waitFor();
    await shot(page, '11-caseload-50000-search');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}

/** Outcomes: a year of assessments on a record, the assessment form and its prompts, instrument settings. */
async function outcomes() {
  await outcomeScreens(browser, shot);
}

/** Reports (busy, drill-down, empty period, new caseload) and Export (preview, progress, done, identifiable, profiles). */
async function reportsAndExports() {
  await reportsAndExportScreens(browser, shot);
}

// SHOTS=places,journey walks only those groups (names as below); by default, all of them.
const groups: [string, () => Promise<void>][] = [
  ['journey', journey],
  ['person', () => personScreens(browser, shot)],
  ['large', large],
  ['myDay', () => myDayAndGroups(browser, shot)],
  ['outcomes', outcomes],
  ['reports', reportsAndExports],
  ['governance', () => governanceScreens(browser, shot)],
  ['backups', () => backupAndAuditScreens(browser, shot)],
  ['members', () => membersScreens(browser, shot)],
  ['places', () => placesScreens(browser, shot)],
  ['zoom', () => zoomScreens(browser, shot)],
  ['workerActs', () => workerActsScreens(browser, shot)],
  ['combine', () => combineScreens(browser, shot)],
  ['lists', () => programmeListScreens(browser, shot)],
  ['imports', () => importScreens(browser, shot)],
  ['corrections', () => correctionsScreens(browser, shot)],
];
const only = process.env.SHOTS?.split(',').map((g) => g.trim());
for (const [name, walk] of groups) if (!only || only.includes(name)) await walk();
await browser.close();
console.log(`Screenshots in ${OUT}`);
