import { expect, type Page } from '@playwright/test';
import { goTo } from './nav';

export type SettingsSection = 'Caseload rules' | 'Programme lists' | 'Training and supervision' | 'Reporting' | 'Backups' | 'Members and sign-in' | 'Your sign-in' | 'Outcome instruments' | 'Retention';

/**
 * Opens Settings at one of its sections, chosen from the list of sections as a person would. A
 * member with only one section (their own sign-in) gets it with no list to choose from.
 */
export async function openSettings(page: Page, section: SettingsSection) {
  await goTo(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  const list = page.getByRole('tablist', { name: 'Settings sections' });
  if ((await list.count()) === 0) return;
  const tab = list.getByRole('tab', { name: section, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Settings: the workspace's numbers and the clinic sites. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto(section: SettingsSection = 'Caseload rules') {
    await openSettings(this.page, section);
    // The forms appear once the saved values are in them.
    await expect(this.page.getByRole('button', { name: 'Save settings' }).or(this.page.getByRole('heading', { name: /^(Your sign-in|Backups|Outcome instruments)$/ })).first()).toBeVisible();
  }

  async set(label: string | RegExp, value: string) {
    await this.page.getByLabel(label).fill(value);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  sites() {
    return this.page.getByRole('table', { name: 'Clinic sites' }).locator('tbody tr');
  }

  /** Records past retention, and deleting them. */
  retention() {
    return this.page.getByRole('region', { name: 'Retention' });
  }

  retentionRows() {
    return this.retention().getByRole('table', { name: 'Records past retention' }).locator('tbody tr');
  }

  deleteDialog() {
    return this.page.getByRole('dialog', { name: /^Delete .* for good\?$/ });
  }

  siteDialog() {
    return this.page.getByRole('dialog', { name: /clinic site/ });
  }

  /** Fills and submits the site form; the caller checks the outcome (saved, or an error). */
  async addSite(name: string, odsCode: string) {
    await this.page.getByRole('button', { name: 'Add a site' }).first().click();
    const dialog = this.siteDialog();
    await dialog.getByLabel('Site name').fill(name);
    await dialog.getByLabel('ODS code').fill(odsCode);
    await dialog.getByRole('button', { name: 'Add site' }).click();
  }
}
