import { expect, type Page } from '@playwright/test';
import { typeDate } from './CaseloadPage';

/** Reports: the period picker, the figure cards, wellbeing pairs, the charts, the trend and the data-quality panel. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    // Reports is its own chunk with the charts library, loaded on first visit: on a busy machine
    // that can take longer than a click's answer, so it gets a longer wait for the same sight.
    await expect(this.page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible({ timeout: 30_000 });
  }

  /** "Last month", "Last quarter", or a kind of period: "Month", "Quarter", "Financial year"… */
  async choose(option: string) {
    const quick = this.page.getByRole('button', { name: option, exact: true });
    if (await quick.count()) return quick.click();
    await this.page.getByRole('radiogroup', { name: 'Reporting period: kind of period' }).getByText(option, { exact: true }).click();
  }

  /** One part of the period: "Month", "Year", "Quarter", "Financial year", "Financial quarter". */
  async set(part: string, option: string) {
    await this.page.getByRole('combobox', { name: part, exact: true }).selectOption({ label: option });
  }

  /** A custom range, typed as DD/MM/YYYY. */
  async customRange(from: string, to: string) {
    await this.choose('Custom range');
    await typeDate(this.page.getByRole('textbox', { name: 'From', exact: true }), from);
    await typeDate(this.page.getByRole('textbox', { name: 'To', exact: true }), to);
  }

  /** The heading above the cards: the period the figures are for. */
  periodHeading(label: string) {
    return this.page.getByRole('heading', { name: label, level: 3 });
  }

  figure(title: string) {
    return this.page.getByRole('article', { name: title });
  }

  chart(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  async showAsTable(title: string) {
    await this.chart(title).getByRole('radiogroup').getByText('Table', { exact: true }).click();
    await expect(this.chart(title).getByRole('table')).toBeVisible();
  }

  drawer() {
    return this.page.getByRole('dialog');
  }

  /** Wellbeing change for the same people: paired, with a baseline, mean change, improved. */
  wellbeing() {
    return this.page.getByRole('region', { name: 'Wellbeing: change for the same people' });
  }

  /** The financial year month by month. */
  trend() {
    return this.page.getByRole('region', { name: 'The financial year month by month' });
  }

  /** Peer workers' training and supervision: the team's figures as the return counts them. */
  teamDevelopment() {
    return this.page.getByRole('region', { name: 'Peer workers’ training and supervision' });
  }

  /** One row of that section's table: what the return counts, this period, the period before. */
  developmentRow(label: string) {
    return this.teamDevelopment().getByRole('row', { name: new RegExp(`^${label}`) });
  }

  dataQuality() {
    return this.page.getByRole('region', { name: 'Data quality' });
  }
}
