import { expect, type Page } from '@playwright/test';
import { goTo } from './nav';

type List = 'Open risk flags' | 'Waiting for first contact' | 'Planned today' | 'Still need an outcome' | 'Goals due for review' | 'No recent contact';

const TABLES: Record<List, string> = {
  'Open risk flags': 'Open risk flags',
  'Waiting for first contact': 'Referrals waiting for first contact',
  'Planned today': 'Contacts planned today',
  'Still need an outcome': 'Earlier contacts that need an outcome',
  'Goals due for review': 'Goals due for review',
  'No recent contact': 'Open episodes with no recent contact',
};

/** My day: the headline figures and one card per list. */
export class MyDayPage {
  constructor(readonly page: Page) {}

  async goto() {
    await goTo(this.page, 'My day');
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  }

  /** A list's card, found by its heading. */
  section(list: List) {
    return this.page.getByRole('region', { name: list, exact: true });
  }

  rows(list: List) {
    return this.section(list).getByRole('table', { name: TABLES[list] }).locator('tbody tr');
  }

  row(list: List, name: string) {
    return this.rows(list).filter({ hasText: name });
  }

  /** The headline figure for a list, e.g. "2 waiting for first contact". */
  figures() {
    return this.page.getByRole('list', { name: 'Today at a glance' });
  }

  async logOutcome(name: string, outcome: { attendance?: string; minutes?: string; topics?: string[] } = {}) {
    await this.page.getByRole('button', { name: `Log outcome for ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Log the outcome' });
    // The same contact form as the record's, starting on what happened, with "Attended" chosen.
    await expect(dialog.getByRole('radio', { name: 'Attended' })).toBeFocused();
    await expect(dialog.getByRole('radio', { name: 'Attended' })).toBeChecked();
    if (outcome.attendance) await dialog.getByRole('radio', { name: outcome.attendance }).check();
    if (outcome.minutes) await dialog.getByLabel('Length in minutes (optional)').fill(outcome.minutes);
    for (const t of outcome.topics ?? []) {
      // Topic chips hide their checkbox behind the label a worker clicks.
      await dialog.getByText(t, { exact: true }).click();
      await expect(dialog.getByRole('checkbox', { name: t })).toBeChecked();
    }
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
  }
}
