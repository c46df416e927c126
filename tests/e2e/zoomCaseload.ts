// The caseload the zoom and reflow checks walk: a busy clinic (a few hundred made-up people with
// histories) plus people whose long names and open risks are what breaks a narrow layout first.
import type { AppContext } from '../../core/api/context';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { must } from '../support/workspace';
import { contact, daysAgo, refer, seedWorkspace } from './seed';

/** Names as long as real ones get, in more than one script. */
export const ZOOM_PEOPLE = ['Oluwaseun Adebayo-Whitfield', 'Zoë Nguyễn-Đặng', 'Maria-Fernanda Castellanos Ruiz'] as const;

/** The sizes NHS staff use: 1366×768 at 125%, 1280×720 at 200%, and WCAG's 320 CSS px (1280 at 400%). */
export const ZOOMS = [
  { name: '125', label: '1366×768 at 125%', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
  { name: '200', label: '1280×720 at 200%', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
  { name: '400', label: '320 CSS px (400%)', viewport: { width: 320, height: 256 }, deviceScaleFactor: 1 },
] as const;

export type Zoom = (typeof ZOOMS)[number];

/** Seeds the workspace (signed in as a coordinator, so Audit log and Settings are offered). */
export async function zoomCaseload(ctx: AppContext, busy = 300): Promise<void> {
  await seedWorkspace(ctx);
  const people: number[] = [];
  if (busy > 0) insertPeople(ctx.session!, syntheticPeople(busy, 11, new Date()));
  for (const [i, preferredName] of ZOOM_PEOPLE.entries()) {
    const person = await refer(ctx, { preferredName, referredDaysAgo: 3 + i * 8 });
    people.push(person.id);
    await contact(ctx, person, { startTime: ['09:30', '11:00', '14:15'][i] });
    await must(ctx, 'risks.raise', { personId: person.id, raisedOn: daysAgo(i + 1), description: 'Has run out of medication and cannot get to the clinic this week' });
    const episodeId = person.episodes[0].id;
    await must(ctx, 'goals.create', { episodeId, description: 'Tell my partner about my diagnosis', area: 'telling_others', setOn: daysAgo(2), reviewBy: daysAgo(0) });
    // Something in every table on the record: an attempt, a contact held, a signposting.
    await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(2), method: 'sms', outcome: 'left_message', note: 'Texted from the clinic phone.' });
    await contact(ctx, person, { contactOn: daysAgo(1), attendance: 'attended', minutes: 45, topics: ['adjusting_to_diagnosis'], note: 'Talked about how the diagnosis landed.' });
    await must(ctx, 'signposting.create', { episodeId, serviceType: 'benefits_advice', madeOn: daysAgo(1), organisation: 'Citizens Advice Hackney', note: 'PIP application started.' });
  }
  // Groups coming up, so the Groups screen has its table.
  await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Living well with HIV, week 1 of 4', heldOn: daysAgo(-3), startTime: '14:00', facilitator: 'Guest facilitator from the wellbeing team', siteId: null });
  await must(ctx, 'groups.create', { type: 'support_group', title: null, heldOn: daysAgo(-10), startTime: '18:00', facilitator: 'Sam Peer', siteId: null });
  // One held last week with the long names on it, so its people's table has rows to stack.
  const held = await must(ctx, 'groups.create', { type: 'support_group', title: 'Peer support evening', heldOn: daysAgo(7), startTime: '18:00', facilitator: 'Sam Peer', siteId: null });
  for (const [i, personId] of people.entries()) await must(ctx, 'groups.setRegistration', { eventId: held.id, personId, registered: true, attended: i < 2 });
}
