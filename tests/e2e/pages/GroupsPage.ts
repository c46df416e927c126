import { expect, type Page } from '@playwright/test';
import { choose, typeDate } from './CaseloadPage';
import { goTo } from './nav';

export interface NewEvent {
  type: string;
  title?: string;
  /** DD/MM/YYYY; today when left out. */
  date?: string;
  startTime?: string;
  facilitator?: string;
  site?: string;
  /** How it is held, as the event_mode list labels it: "In person" or "Online"; left out, not recorded. */
  mode?: string;
}

/** Groups and workshops: the list of events and one event's page. */
export class GroupsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await goTo(this.page, 'Groups');
    await expect(this.page.getByRole('heading', { name: 'Groups and workshops', level: 2 })).toBeVisible();
  }

  eventDialog() {
    return this.page.getByRole('dialog', { name: /New group or workshop|Edit event/ });
  }

  /** Fills the event form and presses "Add event"; the caller checks where that leads. */
  async fillEvent(e: NewEvent) {
    const dialog = this.eventDialog();
    await choose(this.page, dialog.getByRole('combobox', { name: 'Type of event' }), e.type);
    if (e.title !== undefined) await dialog.getByLabel('Title (optional)').fill(e.title);
    if (e.date) await typeDate(dialog.getByLabel('Date'), e.date);
    if (e.startTime) await dialog.getByLabel('Start time (optional)').fill(e.startTime);
    if (e.facilitator !== undefined) await dialog.getByLabel('Facilitator').fill(e.facilitator);
    if (e.mode) await choose(this.page, dialog.getByRole('combobox', { name: 'How it is held (optional)' }), e.mode);
    if (e.site) await choose(this.page, dialog.getByRole('combobox', { name: 'Clinic site (optional)' }), e.site);
  }

  async createEvent(e: NewEvent) {
    await this.page.getByRole('button', { name: /^(New event|Add an event)$/ }).first().click();
    await this.fillEvent(e);
    await this.eventDialog().getByRole('button', { name: 'Add event' }).click();
    await expect(this.eventDialog()).toBeHidden();
  }

  events() {
    return this.page.getByRole('table', { name: /(Upcoming|Past) events/ }).locator('tbody tr');
  }

  /** On an event's page: find someone on the caseload and register them. */
  async register(name: string) {
    await this.page.getByLabel('Find a person').fill(name);
    await this.page.getByRole('button', { name: new RegExp(`^(Register|Add) ${name}$`) }).click();
    await expect(this.participant(name)).toBeVisible();
  }

  participants() {
    return this.page.getByRole('table', { name: 'People on this event' }).locator('tbody tr');
  }

  participant(name: string) {
    return this.participants().filter({ hasText: name });
  }

  async mark(name: string, attendance: 'Attended' | 'Did not attend' | 'Not recorded') {
    await this.page.getByRole('radiogroup', { name: `Attendance for ${name}` }).getByText(attendance, { exact: true }).click();
    await expect(this.page.getByRole('radiogroup', { name: `Attendance for ${name}` }).getByRole('radio', { name: attendance })).toBeChecked();
  }

  /** The turnout figures on an event's page, as text. */
  turnout() {
    return this.page.getByRole('region', { name: 'Turnout' });
  }
}
