// Combine returns: a coordinator opens the clinic PCs' return data files and saves one return.
import type { Page } from '@playwright/test';
import type { WorkstationFile } from '../seedCombine';

export class CombinePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Combine returns' }).click();
    await this.page.getByRole('heading', { name: 'Combine returns', level: 2 }).waitFor();
  }

  /** Chooses the files as if picked in the file dialog the "Return data files" field opens. */
  async chooseFiles(files: WorkstationFile[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Return data files' }).click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: f.buffer })));
  }

  passphrase() {
    return this.page.getByLabel('Passphrase', { exact: true });
  }

  combineButton() {
    return this.page.getByRole('button', { name: 'Combine', exact: true });
  }

  errorSummary() {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }

  filesTable() {
    return this.page.getByTestId('combined-files');
  }

  figures() {
    return this.page.getByTestId('combined-figures');
  }

  /** A figure's value in the table shown, by measure, breakdown and category. */
  async figure(measure: string, breakdown: string, category: string): Promise<string> {
    const row = this.figures().locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: measure, exact: true }) }).filter({ has: this.page.getByRole('cell', { name: breakdown, exact: true }) }).filter({ has: this.page.getByRole('cell', { name: category, exact: true }) });
    return (await row.getByRole('cell').nth(3).innerText()).trim();
  }
}
