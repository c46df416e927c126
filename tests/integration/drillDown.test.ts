// Drill-down: every figure on Reports lists exactly the records it counts, on a fixed synthetic
// caseload, for a month and a quarter, for every breakdown and category the return publishes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { financialQuarter, month } from '../../core/domain/export/periods';
import type { DrillBreakdown, DrillMeasure } from '../../core/domain/export/drill';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { call, must, newWorkspace, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function fixtureCaseload() {
  const ws = await newWorkspace(dir);
  insertPeople(ws.ctx.session!, syntheticPeople(1500, 11, new Date('2026-11-01T12:00:00Z')));
  // Two workshops in October: some registered, some came, one not yet marked.
  const people = (await must(ws.ctx, 'people.list', { status: 'all', limit: 6 })).rows;
  for (const [type, heldOn] of [
    ['recently_diagnosed_workshop', '2026-10-07'],
    ['support_group', '2026-10-21'],
  ] as const) {
    const event = await must(ws.ctx, 'groups.create', { type, title: 'Living well', heldOn, facilitator: 'Sam Peer' });
    for (const [i, p] of people.entries()) {
      await must(ws.ctx, 'groups.setRegistration', { eventId: event.id, personId: p.id, registered: true, attended: i % 3 === 2 ? null : i % 3 === 0 });
    }
  }
  return ws;
}

describe('reports.drillDown', () => {
  it('lists exactly as many records as each figure counts, for every breakdown and category', async () => {
    const { ctx, close } = await fixtureCaseload();
    for (const period of [month(2026, 10), financialQuarter(2026, 3)]) {
      const report = await must(ctx, 'reports.monthly', { period });
      const inputs = report.current;
      let checked = 0;
      for (const g of inputs.groups) {
        const measure = g.measure as DrillMeasure;
        const whole = await must(ctx, 'reports.drillDown', { period, measure, breakdown: g.breakdown as DrillBreakdown });
        expect(whole.total, `${g.measure} by ${g.breakdown}`).toBe(g.total);
        for (const c of g.categories) {
          const part = await must(ctx, 'reports.drillDown', { period, measure, breakdown: g.breakdown as DrillBreakdown, category: c.category });
          expect(part.total, `${g.measure} by ${g.breakdown}: ${c.category}`).toBe(c.count);
          checked++;
        }
      }
      expect((await must(ctx, 'reports.drillDown', { period, measure: 'contacts_not_attended' })).total).toBe(inputs.dna);
      expect((await must(ctx, 'reports.drillDown', { period, measure: 'contacts_attended' })).total).toBe(inputs.attended);
      expect((await must(ctx, 'reports.drillDown', { period, measure: 'people_supported' })).total).toBe(inputs.peopleSupported);
      expect((await must(ctx, 'reports.drillDown', { period, measure: 'newly_diagnosed_offered' })).total).toBe(inputs.newlyDiagnosedOffered);
      expect((await must(ctx, 'reports.drillDown', { period, measure: 'newly_diagnosed_engaged' })).total).toBe(inputs.newlyDiagnosedEngaged);
      expect(inputs.wellbeing.length).toBeGreaterThan(0);
      for (const w of inputs.wellbeing) {
        const by = (category: string) => must(ctx, 'reports.drillDown', { period, measure: 'improved_wellbeing', breakdown: w.instrument as DrillBreakdown, category });
        expect((await by('improved')).total, `${w.instrument} improved`).toBe(w.improved);
        expect((await by('followed_up')).total, `${w.instrument} followed up`).toBe(w.followedUp);
        expect((await by('no_follow_up')).total, `${w.instrument} no follow-up`).toBe(w.noFollowUp);
        expect((await by('with_baseline')).total, `${w.instrument} with a baseline`).toBe(w.withBaseline);
      }
      // The fixture must exercise real numbers, not a page of zeros.
      expect(checked).toBeGreaterThan(40);
      expect(inputs.groups.find((g) => g.measure === 'group_attendance')!.total).toBeGreaterThan(0);
    }
    close();
  });

  it('shows each record with its date and what it is, newest first', async () => {
    const { ctx, close } = await fixtureCaseload();
    const period = month(2026, 10);
    const found = await must(ctx, 'reports.drillDown', { period, measure: 'referrals_received', breakdown: 'pathway', category: 'opt_out_new_diagnosis' });
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((r) => r.on! >= period.start && r.on! <= period.end)).toBe(true);
    expect(found.rows.map((r) => r.on)).toEqual([...found.rows.map((r) => r.on)].sort().reverse());
    expect(found.rows[0].caseId).toMatch(/^PS-/);
    expect(found.rows[0].what).toContain('Newly diagnosed');
    const group = await must(ctx, 'reports.drillDown', { period, measure: 'group_attendance', breakdown: 'event_type', category: 'support_group' });
    expect(group.rows.map((r) => r.on)).toEqual(['2026-10-21', '2026-10-21']);
    expect(group.rows[0].what).toContain('Living well');
    close();
  });

  it('refuses a breakdown the figure does not have, with a plain reason, and changes nothing', async () => {
    const { ctx, close } = await fixtureCaseload();
    const before = snapshot(ctx);
    // Not a breakdown of the return at all: refused by the contract, the reason beside the field.
    const refused = await call(ctx, 'reports.drillDown', { period: month(2026, 10), measure: 'referrals_received', breakdown: 'preferred_name' as DrillBreakdown, category: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { breakdown: 'This figure cannot be broken down that way.' } } });
    // A breakdown of another figure: refused by the query, with the same words.
    const elsewhere = await call(ctx, 'reports.drillDown', { period: month(2026, 10), measure: 'referrals_received', breakdown: 'borough', category: 'x' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'This figure cannot be broken down that way.' } });
    const noBreakdown = await call(ctx, 'reports.drillDown', { period: month(2026, 10), measure: 'people_supported', category: 'new' });
    expect(noBreakdown.ok).toBe(false);
    expect(snapshot(ctx)).toEqual(before);
    close();
  });

  it('reads breakdowns from its own list only: names inherited from Object are refused, never an internal error', async () => {
    const { ctx, close } = await fixtureCaseload();
    const before = snapshot(ctx);
    const measures = ['referrals_received', 'contacts_attended', 'people_supported', 'group_registrations', 'improved_wellbeing'] as const;
    for (const breakdown of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype']) {
      for (const measure of measures) {
        for (const category of [undefined, 'x', 'not_recorded']) {
          const result = await call(ctx, 'reports.drillDown', { period: month(2026, 10), measure, breakdown: breakdown as DrillBreakdown, category });
          expect(result.ok ? 'listed' : result.error.code, `${measure} by ${breakdown}`).toBe('VALIDATION');
        }
      }
    }
    expect(snapshot(ctx)).toEqual(before);
    close();
  });
});
