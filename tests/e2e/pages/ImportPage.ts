import { expect, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  /** From the caseload's "Import from a spreadsheet". */
  async goto() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Caseload' }).click();
    await this.page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await expect(this.page.getByRole('heading', { name: 'Import from a spreadsheet', level: 2 })).toBeVisible();
  }

  /** Chooses a file as if picked in the file dialog. */
  async choose(name: string, bytes: Buffer) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose a file' }).click();
    await (await chooser).setFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  }

  async unlockWorkbook(password: string) {
    await this.page.getByLabel('Workbook password').fill(password);
    await this.page.getByRole('button', { name: 'Open the workbook' }).click();
  }

  column(header: string) {
    return this.page.getByRole('combobox', { name: `Import “${header}” as` });
  }

  async check() {
    await this.page.getByRole('button', { name: /^Check the file/ }).click();
    await expect(this.page.getByRole('heading', { name: 'What the check found' })).toBeVisible();
  }

  errorSummary() {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }

  problems() {
    return this.page.getByRole('table', { name: 'Problems by row' }).locator('tbody tr');
  }
}
