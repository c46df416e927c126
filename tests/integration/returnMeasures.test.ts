// Issue 15's return measures on a caseload small enough to work out by hand: five people at two
// sites in October 2026, two group events. Every expected figure below is counted from the story
// in `octoberCaseload`, not from the code. Also: each figure's drill-down lists as many records as
// it counts, one site's figures add up to all sites', and a re-run after later records gives the
// same October (status-based figures are as at the period's end).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import type { DrillBreakdown, DrillMeasure } from '../../core/domain/export/drill';
import type { PublishedReturn } from '../../core/domain/export/publishedReturn';
import { must, newWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const october = month(2026, 10);
const HACKNEY = 'E09000012';
const LAMBETH = 'E09000022';

type Ctx = Awaited<ReturnType<typeof newWorkspace>>['ctx'];

async function person(ctx: Ctx, name: string, fields: Record<string, unknown>) {
  const p = await must(ctx, 'people.create', { preferredName: name, dateOfBirth: '1985-03-01', referralSource: 'opt_out_clinic', ...fields } as never);
  return { id: p.id, episodeId: p.episodes[0].id };
}

const contact = (ctx: Ctx, episodeId: number, contactOn: string, type: string, attendance: string) =>
  must(ctx, 'contacts.create', { episodeId, contactOn, mode: 'in_clinic', type, attendance, topics: [], note: null } as never);

/**
 * P1 (site A, Hackney, new diagnosis, newly diagnosed): referred Thu 01/10, attempt no answer
 *   02/10, attended 1-to-1 Mon 05/10 (first contact: 2 working days), attended accompaniment 12/10,
 *   cancelled by the person 19/10; goal (telling others) set 05/10, achieved 20/10; signposted to
 *   housing 06/10; clinic review 20/10: 2 kept, 0 missed.
 * P2 (site A, Hackney, re-engagement): referred 01/10, declined on the phone Fri 09/10 (first
 *   contact: 6 working days), closed 10/10, person ended.
 * P3 (site B, Lambeth, other pathway, newly diagnosed): referred 15/10, no contact by 31/10.
 * P4 (site B, outside London, new diagnosis): referred 10/09 (not an October referral), attended
 *   1-to-1 Wed 07/10 (first contact: 19 working days), did not attend 14/10, cancelled by the
 *   service 21/10; goal (practical) set 07/10; signposted to benefits advice 08/10; clinic review
 *   22/10: 1 kept, 1 missed, re-engaged in care.
 * P5 (site A, no borough, new diagnosis): referred 20/10, attempt no answer 21/10, closed 30/10,
 *   no contact.
 * Events: a recently-diagnosed workshop online at site A on 08/10 (P1 came, P4 registered and did
 *   not); a support group in person at site B on 22/10 (P4 came, P3 registered and did not).
 */
async function octoberCaseload() {
  const ws = await newWorkspace(dir);
  const { ctx } = ws;
  const [a] = (await must(ctx, 'sites.save', { name: 'Riverside', odsCode: 'RQM01' })).filter((s) => s.odsCode === 'RQM01');
  const b = (await must(ctx, 'sites.save', { name: 'Northside', odsCode: 'RAP01' })).find((s) => s.odsCode === 'RAP01')!;
  const p1 = await person(ctx, 'Ada', { clinicSiteId: a.id, borough: HACKNEY, pathway: 'opt_out_new_diagnosis', referralReceivedOn: '2026-10-01', diagnosisMonth: '2026-09' });
  const p2 = await person(ctx, 'Bo', { clinicSiteId: a.id, borough: HACKNEY, pathway: 'opt_out_reengagement', referralReceivedOn: '2026-10-01' });
  const p3 = await person(ctx, 'Cy', { clinicSiteId: b.id, borough: LAMBETH, pathway: 'other', referralSource: 'self', referralReceivedOn: '2026-10-15', diagnosisMonth: '2026-08' });
  const p4 = await person(ctx, 'Di', { clinicSiteId: b.id, borough: 'outside_london', pathway: 'opt_out_new_diagnosis', referralReceivedOn: '2026-09-10' });
  const p5 = await person(ctx, 'Ed', { clinicSiteId: a.id, pathway: 'opt_out_new_diagnosis', referralReceivedOn: '2026-10-20' });

  await must(ctx, 'attempts.create', { episodeId: p1.episodeId, attemptedOn: '2026-10-02', method: 'phone', outcome: 'no_answer', note: null });
  await contact(ctx, p1.episodeId, '2026-10-05', 'one_to_one', 'attended');
  await contact(ctx, p1.episodeId, '2026-10-12', 'accompaniment', 'attended');
  await contact(ctx, p1.episodeId, '2026-10-19', 'one_to_one', 'cancelled_by_person');
  const goal = await must(ctx, 'goals.create', { episodeId: p1.episodeId, description: 'Tell my sister', area: 'telling_others', setOn: '2026-10-05' });
  await must(ctx, 'goals.review', { goalId: goal.episodes[0].goals[0].id, reviewedOn: '2026-10-20', status: 'achieved', note: null });
  await must(ctx, 'signposting.create', { episodeId: p1.episodeId, serviceType: 'housing', madeOn: '2026-10-06', organisation: null, note: null });
  await must(ctx, 'engagement.record', { episodeId: p1.episodeId, reviewedOn: '2026-10-20', appointmentsKept: 2, appointmentsMissed: 0 } as never);

  await must(ctx, 'attempts.create', { episodeId: p2.episodeId, attemptedOn: '2026-10-09', method: 'phone', outcome: 'spoke_declined', note: null });
  await must(ctx, 'episodes.close', { episodeId: p2.episodeId, closedOn: '2026-10-10', reason: 'person_ended', summary: null });

  await contact(ctx, p4.episodeId, '2026-10-07', 'one_to_one', 'attended');
  await contact(ctx, p4.episodeId, '2026-10-14', 'one_to_one', 'dna');
  await contact(ctx, p4.episodeId, '2026-10-21', 'one_to_one', 'cancelled_by_service');
  await must(ctx, 'goals.create', { episodeId: p4.episodeId, description: 'Sort out PIP', area: 'practical', setOn: '2026-10-07' });
  await must(ctx, 'signposting.create', { episodeId: p4.episodeId, serviceType: 'benefits_advice', madeOn: '2026-10-08', organisation: null, note: null });
  await must(ctx, 'engagement.record', { episodeId: p4.episodeId, reviewedOn: '2026-10-22', appointmentsKept: 1, appointmentsMissed: 1, reengagedInCare: true } as never);

  await must(ctx, 'attempts.create', { episodeId: p5.episodeId, attemptedOn: '2026-10-21', method: 'phone', outcome: 'no_answer', note: null });
  await must(ctx, 'episodes.close', { episodeId: p5.episodeId, closedOn: '2026-10-30', reason: 'no_contact', summary: null });

  const workshop = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Just diagnosed', heldOn: '2026-10-08', facilitator: 'Sam', siteId: a.id, mode: 'online' } as never);
  await must(ctx, 'groups.setRegistration', { eventId: workshop.id, personId: p1.id, registered: true, attended: true });
  await must(ctx, 'groups.setRegistration', { eventId: workshop.id, personId: p4.id, registered: true, attended: false });
  const group = await must(ctx, 'groups.create', { type: 'support_group', title: 'Tuesday group', heldOn: '2026-10-22', facilitator: 'Sam', siteId: b.id, mode: 'in_person' } as never);
  await must(ctx, 'groups.setRegistration', { eventId: group.id, personId: p4.id, registered: true, attended: true });
  await must(ctx, 'groups.setRegistration', { eventId: group.id, personId: p3.id, registered: true, attended: false });
  return { ...ws, a, b, p1, p3, p4 };
}

/** measure/breakdown → { category: count, total }. */
function figures(r: PublishedReturn): Record<string, Record<string, number | '*'>> {
  return Object.fromEntries(r.groups.map((g) => [`${g.measure}/${g.breakdown}`, { ...Object.fromEntries(g.categories.map((c) => [c.category, c.count])), total: g.total }]));
}

describe('issue 15’s return measures', () => {
  it('counts October as worked out by hand, for all sites', async () => {
    const { ctx, close } = await octoberCaseload();
    const f = figures((await must(ctx, 'reports.monthly', { period: october })).current);
    expect(f['people_supported/support_type']).toEqual({ one_to_one: 2, accompaniment: 1, total: 2 });
    expect(f['contacts_attended/type']).toEqual({ one_to_one: 2, accompaniment: 1, total: 3 });
    expect(f['people_supported/site']).toEqual({ RQM01: 1, RAP01: 1, total: 2 });
    expect(f['referrals_received/borough_at_referral']).toEqual({ [HACKNEY]: 2, [LAMBETH]: 1, not_recorded: 1, total: 4 });
    expect(f['referrals_received/site']).toEqual({ RQM01: 3, RAP01: 1, total: 4 });
    expect(f['contacts_attended/site']).toEqual({ RQM01: 2, RAP01: 1, total: 3 });
    expect(f['contacts_cancelled/by']).toEqual({ cancelled_by_person: 1, cancelled_by_service: 1, total: 2 });
    expect(f['events_held/event_type']).toEqual({ recently_diagnosed_workshop: 1, support_group: 1, total: 2 });
    expect(f['events_held/mode']).toEqual({ online: 1, in_person: 1, total: 2 });
    expect(f['group_registrations/outcome']).toEqual({ attended: 2, dropped_out: 2, total: 4 });
    expect(f['signposting_made/category']).toEqual({ housing: 1, benefits_advice: 1, total: 2 });
    expect(f['signposting_made/outcome']).toEqual({ pending: 2, total: 2 });
    expect(f['closures/reason']).toEqual({ person_ended: 1, no_contact: 1, total: 2 });
    expect(f['waiting_list_at_period_end/pathway']).toEqual({ other: 1, total: 1 });
    expect(f['first_contact/target']).toEqual({ within_target: 1, beyond_target: 2, total: 3 });
    expect(f['opt_out_offered/outcome_at_period_end']).toEqual({ accepted: 1, declined: 1, not_contactable: 1, total: 3 });
    expect(f['engagement_with_care/clinic_appointments']).toEqual({ kept_all: 1, missed_some: 1, total: 2 });
    expect(f['reengaged_in_care/pathway']).toEqual({ opt_out_new_diagnosis: 1, total: 1 });
    expect(f['goals_set/area']).toEqual({ telling_others: 1, practical: 1, total: 2 });
    expect(f['goals_achieved/area']).toEqual({ telling_others: 1, total: 1 });
    expect(f['open_caseload_at_period_end/pathway']).toEqual({ opt_out_new_diagnosis: 2, other: 1, total: 3 });
    close();
  });

  it('writes the rates into the return from its counts: drop-out, boroughs and time to first contact, with the site named', async () => {
    const { ctx, close } = await octoberCaseload();
    // Threshold 0: nothing hidden, so the hand-worked numbers show as they are.
    await must(ctx, 'settings.update', { suppressionThreshold: 0 });
    const rows = await exportedRows(ctx, {});
    expect(rows.get('site/ods_code/all_sites')).toBe('');
    expect(rows.get('group_registrations/outcome/percent_dropped_out')).toBe('50');
    expect(rows.get('referrals_received/borough_at_referral/number_of_london_boroughs')).toBe('2');
    // Working days waited: 2, 6 and 19; the median is 6, and 1 of 3 within 5 working days.
    expect(rows.get('first_contact/target/median_working_days')).toBe('6');
    expect(rows.get('first_contact/target/target_working_days')).toBe('5');
    expect(rows.get('first_contact/target/percent_within_target')).toBe('33.3');
    close();
  });

  it('hides the new measures’ small numbers like the rest of the return', async () => {
    const { ctx, close } = await octoberCaseload();
    const rows = await exportedRows(ctx, {});
    // Every cell small: the total alone, hidden, and no category listed (a listed one says it holds someone).
    expect(rows.get('contacts_cancelled/by/total')).toBe('*');
    expect(rows.has('contacts_cancelled/by/cancelled_by_person')).toBe(false);
    expect(rows.get('opt_out_offered/outcome_at_period_end/total')).toBe('*');
    // Worked from hidden counts, so hidden too.
    expect(rows.get('group_registrations/outcome/percent_dropped_out')).toBe('*');
    expect(rows.get('first_contact/target/median_working_days')).toBe('*');
    close();
  });

  it('lists exactly the records each new figure counts', async () => {
    const { ctx, close } = await octoberCaseload();
    const report = await must(ctx, 'reports.monthly', { period: october });
    let checked = 0;
    for (const g of report.current.groups) {
      const measure = g.measure as DrillMeasure;
      const breakdown = g.breakdown as DrillBreakdown;
      expect((await must(ctx, 'reports.drillDown', { period: october, measure, breakdown })).total, `${g.measure} by ${g.breakdown}`).toBe(g.total);
      for (const c of g.categories) {
        const part = await must(ctx, 'reports.drillDown', { period: october, measure, breakdown, category: c.category });
        expect(part.total, `${g.measure} by ${g.breakdown}: ${c.category}`).toBe(c.count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    const opt = await must(ctx, 'reports.drillDown', { period: october, measure: 'opt_out_offered', breakdown: 'outcome_at_period_end', category: 'declined' });
    expect(opt.rows.map((r) => r.preferredName)).toEqual(['Bo']);
    const events = await must(ctx, 'reports.drillDown', { period: october, measure: 'events_held', breakdown: 'mode', category: 'online' });
    expect(events.rows).toMatchObject([{ personId: null, on: '2026-10-08', what: 'Recently-diagnosed workshop · Just diagnosed · Online' }]);
    const waits = await must(ctx, 'reports.drillDown', { period: october, measure: 'first_contact', breakdown: 'target', category: 'beyond_target' });
    expect(waits.rows.map((r) => r.what)).toEqual(['Referred 01/10/2026 · 6 working days to first contact', 'Referred 10/09/2026 · 19 working days to first contact']);
    close();
  });

  it('one site’s figures are its own, and the sites add up to all sites', async () => {
    const { ctx, a, b, close } = await octoberCaseload();
    const all = figures((await must(ctx, 'reports.monthly', { period: october })).current);
    const siteA = figures((await must(ctx, 'reports.monthly', { period: october, siteId: a.id })).current);
    const siteB = figures((await must(ctx, 'reports.monthly', { period: october, siteId: b.id })).current);
    expect(siteA['referrals_received/source']).toEqual({ opt_out_clinic: 3, total: 3 });
    expect(siteA['opt_out_offered/outcome_at_period_end']).toEqual({ accepted: 1, declined: 1, not_contactable: 1, total: 3 });
    expect(siteA['events_held/mode']).toEqual({ online: 1, total: 1 });
    expect(siteB['waiting_list_at_period_end/pathway']).toEqual({ other: 1, total: 1 });
    expect(siteB['people_supported/site']).toEqual({ RAP01: 1, total: 1 });
    for (const [key, whole] of Object.entries(all)) {
      // People by support type may hold one person twice; their total is people supported, which adds up.
      for (const [category, n] of Object.entries(whole)) {
        const sum = Number(siteA[key]?.[category] ?? 0) + Number(siteB[key]?.[category] ?? 0);
        expect(sum, `${key}: ${category}`).toBe(n);
      }
    }
    // The drill-down narrows to the site too.
    expect((await must(ctx, 'reports.drillDown', { period: october, measure: 'closures', breakdown: 'reason', siteId: b.id })).total).toBe(0);
    expect((await must(ctx, 'reports.drillDown', { period: october, measure: 'closures', breakdown: 'reason', siteId: a.id })).total).toBe(2);
    // One site's file names the site, in its first row and its name.
    const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october, siteId: a.id });
    expect(file.fileName).toBe('monthly_return_RQM01_2026-10-01_2026-10-31.csv');
    const builtIn = await exportedRows(ctx, { siteId: a.id });
    expect(builtIn.get('site/ods_code/RQM01')).toBe('');
    // A trust's layout for one site: the site in its own column on every row, the same figures.
    await must(ctx, 'exports.saveLayout', { id: 'trust-long', name: 'Trust return', dataset: 'monthly_return', columns: [{ id: 'site' }, { id: 'period' }, { id: 'measure' }, { id: 'breakdown' }, { id: 'category' }, { id: 'value' }] });
    const laidOut = await must(ctx, 'exports.run', { profileId: 'trust-long', period: october, siteId: a.id });
    expect(laidOut.fileName).toBe('trust-long_RQM01_2026-10-01_2026-10-31.csv');
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('csv-parse/sync');
    const rows = (parse(readFileSync(laidOut.location), { bom: true, from_line: 2 }) as string[][]).filter((r) => r[1] === '2026-10-01/2026-10-31');
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['RQM01']));
    expect(new Map(rows.map((r) => [`${r[2]}/${r[3]}/${r[4]}`, r[5]]))).toEqual(new Map([...builtIn].filter(([k]) => !k.startsWith('site/ods_code/'))));
    close();
  });

  it('gives the same October when run again after later records (status as at the period’s end)', async () => {
    const { ctx, p3, p4, close } = await octoberCaseload();
    const before = await must(ctx, 'reports.monthly', { period: october });
    expect(before.current.newlyDiagnosedOffered).toBe(2);
    expect(before.current.newlyDiagnosedEngaged).toBe(1);
    // November: P3 is reached and engages, P4 is closed, a new referral arrives.
    await contact(ctx, p3.episodeId, '2026-11-03', 'one_to_one', 'attended');
    await must(ctx, 'episodes.close', { episodeId: p4.episodeId, closedOn: '2026-11-10', reason: 'goals_met', summary: null });
    await person(ctx, 'Flo', { pathway: 'opt_out_new_diagnosis', referralReceivedOn: '2026-11-02' });
    const after = await must(ctx, 'reports.monthly', { period: october });
    expect(after.current).toEqual(before.current);
    // November itself sees them.
    const november = figures((await must(ctx, 'reports.monthly', { period: month(2026, 11) })).current);
    expect(november['waiting_list_at_period_end/pathway']).toEqual({ opt_out_new_diagnosis: 1, total: 1 });
    close();
  });
});

async function exportedRows(ctx: Ctx, extra: { siteId?: number }): Promise<Map<string, string>> {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('csv-parse/sync');
  const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october, ...extra });
  const rows = parse(readFileSync(file.location), { bom: true, from_line: 2 }) as string[][];
  return new Map(rows.filter((r) => r[0] === '2026-10-01/2026-10-31').map((r) => [`${r[1]}/${r[2]}/${r[3]}`, r[4]]));
}
