import { expect, type Page } from '@playwright/test';
import { goTo } from './nav';

/** Settings: the workspace's numbers and the clinic sites. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await goTo(this.page, 'Settings');
    await expect(this.page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
    // The form appears once the saved values are in it.
    await expect(this.page.getByLabel('Lock after this many idle minutes')).toBeVisible();
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
