import { expect, type Page } from '@playwright/test';

export class CaseloadPage {
  constructor(readonly page: Page) {}

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: 'Caseload', level: 2 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole('table', { name: 'People on the caseload' }).locator('tbody tr');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  async openAddPerson() {
    await this.page.getByRole('button', { name: /^Add (the first )?person$/ }).first().click();
    await expect(this.page.getByRole('dialog', { name: 'Add a person' })).toBeVisible();
  }

  async addPerson(p: { name: string; nhsNumber?: string; dateOfBirth: string; referred?: string }) {
    await this.openAddPerson();
    const dialog = this.page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Preferred name').fill(p.name);
    if (p.nhsNumber) await dialog.getByLabel('NHS Number (optional)').fill(p.nhsNumber);
    await this.typeDate(dialog.getByLabel('Date of birth'), p.dateOfBirth);
    if (p.referred) await this.typeDate(dialog.getByLabel('Date referred'), p.referred);
    await dialog.getByRole('button', { name: 'Add person' }).click();
  }

  /** Types a DD/MM/YYYY date as a worker would, then leaves the field. */
  async typeDate(field: ReturnType<Page['getByLabel']>, ddmmyyyy: string) {
    await field.fill(ddmmyyyy);
    await field.press('Tab');
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }
}
