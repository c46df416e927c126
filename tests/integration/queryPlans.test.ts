// The hot queries must use their indexes: a missing index is invisible on a test caseload of
// ten people and painful on a trust's fifty thousand. Each SQL statement a call runs is planned
// with EXPLAIN QUERY PLAN and no step may read a whole large table.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../core/api/contract';
import { sourceFor } from '../../core/api/exports/run';
import { custom, financialQuarter } from '../../core/domain/export/periods';
import { BUILT_IN_PROFILES } from '../../core/domain/export/profile';
import { passphraseResetSinceLastSignIn } from '../../db/queries/audit';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { must, newWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const LARGE = ['episodes', 'contacts', 'goals', 'contact_attempts', 'signposting', 'goal_reviews', 'episode_closures'];

/** Plans of every statement the call prepares, by the SQL text. */
function plansOf<K extends MethodName>(ctx: Parameters<typeof must>[0], name: K, input: MethodInput<K>) {
  return plansDuring(ctx.session!.db, () => must(ctx, name, input));
}

/** Plans of every statement `work` prepares on `db`, by the SQL text. */
async function plansDuring(connection: Database, work: () => unknown) {
  const db = connection as Database & { prepare: Database['prepare'] };
  const original = db.prepare.bind(db);
  const seen: { sql: string; plan: string[] }[] = [];
  db.prepare = ((sql: string) => {
    const statement = original(sql);
    if (/^\s*(SELECT|WITH)/i.test(sql)) {
      const proxy: typeof statement = new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key);
          // raw() and pluck() return the statement: keep watching it.
          if (key === 'raw' || key === 'pluck') return (...args: unknown[]) => ((value as (...a: unknown[]) => unknown).apply(target, args), proxy);
          if (key !== 'all' && key !== 'get' && key !== 'iterate') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]) => {
            const plan = (original(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as { detail: string }[]).map((r) => r.detail);
            seen.push({ sql: sql.replace(/\s+/g, ' '), plan });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      return proxy;
    }
    return statement;
  }) as Database['prepare'];
  try {
    await work();
  } finally {
    db.prepare = original;
  }
  return seen;
}

describe('query plans', () => {
  it('My day reads only the rows its lists can show', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 5));
    ctx.session!.db.exec('ANALYZE');
    const plans = await plansOf(ctx, 'myDay.get', {});
    expect(plans.length).toBeGreaterThan(5);
    const steps = plans.flatMap((p) => p.plan);
    expect(steps.some((s) => s.includes('episodes_waiting_idx'))).toBe(true);
    expect(steps.some((s) => s.includes('contacts_planned_idx'))).toBe(true);
    expect(steps.some((s) => s.includes('goals_due_idx'))).toBe(true);
    expect(steps.some((s) => s.includes('episodes_inactive_idx'))).toBe(true);
    // Assessments due: the counts and the list (one query each) come from the schedule's two
    // partial indexes, in due order, with no look-up of the latest assessment per open episode.
    const due = plans.filter((p) => p.sql.includes('assessment_schedule'));
    expect(due.length).toBe(2);
    const dueSteps = due.flatMap((p) => p.plan);
    expect(dueSteps.filter((s) => s.includes('assessment_schedule_baseline_idx')).every((s) => s.startsWith('SEARCH s USING '))).toBe(true);
    expect(dueSteps.filter((s) => s.includes('assessment_schedule_follow_up_idx')).every((s) => s.startsWith('SEARCH s USING '))).toBe(true);
    expect(dueSteps.filter((s) => s.includes('assessment_schedule_baseline_idx')).length).toBe(2);
    expect(dueSteps.filter((s) => s.includes('assessment_schedule_follow_up_idx')).length).toBe(2);
    expect(dueSteps.some((s) => /\bassessments\b|assessments_episode_idx/.test(s))).toBe(false);
    // The screenful from each index is not sorted again: only the merged hundred rows are.
    expect(due[1].plan.filter((s) => s.startsWith('USE TEMP B-TREE')).length).toBe(1);
    // No step reads a whole large table without an index (aliases: e, c, g, a, s).
    const bare = plans.flatMap((p) => p.plan.filter((s) => /^SCAN (e|c|g|a|s|episodes|contacts|goals|contact_attempts|assessments|assessment_schedule)$/.test(s)).map((s) => `${s} in ${p.sql.slice(0, 120)}`));
    expect(bare).toEqual([]);
    close();
  });

  it('the monthly return and its drill-downs read each period from its indexes, never a whole table', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 7, new Date('2026-11-01T12:00:00Z')));
    const period = financialQuarter(2026, 2);
    // As the app runs (it never writes statistics), then with statistics as ANALYZE leaves them.
    for (const analyzed of [false, true]) {
      if (analyzed) ctx.session!.db.exec('ANALYZE');
      const report = await plansOf(ctx, 'reports.monthly', { period });
      const drills = [
        ...(await plansOf(ctx, 'reports.drillDown', { period, measure: 'referrals_received' })),
        ...(await plansOf(ctx, 'reports.drillDown', { period, measure: 'contacts_attended' })),
      ];
      const plans = [...report, ...drills];
      const steps = plans.flatMap((p) => p.plan);
      // The period and the one before: referrals by date; contacts counted from the date index
      // alone; each person's first attended contact from the attended-contacts index by episode
      // (a seek per episode, not a walk of every attended contact).
      const reportSteps = report.flatMap((p) => p.plan);
      // Referrals: by source and pathway, by borough, by site and the opt-out offers (4 a period).
      expect(reportSteps.filter((s) => s === 'SEARCH e USING INDEX episodes_referral_idx (referral_received_on>? AND referral_received_on<?)').length).toBe(8);
      // Contacts: the counts, people supported, by support type, by site and cancelled (5 a period).
      expect(reportSteps.filter((s) => s === 'SEARCH c USING COVERING INDEX contacts_date_idx (contact_on>? AND contact_on<?)').length).toBe(10);
      expect(reportSteps.filter((s) => s === 'SEARCH c USING COVERING INDEX contacts_attended_idx (episode_id=?)').length).toBe(2);
      expect(drills.flatMap((p) => p.plan).some((s) => s.startsWith('SEARCH e USING INDEX episodes_referral_idx'))).toBe(true);
      expect(steps.filter((s) => s.includes('contacts_date_idx')).every((s) => s.includes('contacts_date_idx (contact_on>? AND contact_on<?)'))).toBe(true);
      // Wellbeing: the episodes assessed or closed in the period, then their series, all from
      // covering indexes: the assessments themselves (their responses) are never read.
      expect(steps.filter((s) => s.includes('assessments_completed_idx')).every((s) => s.startsWith('SEARCH assessments USING COVERING INDEX assessments_completed_idx (completed_on>? AND'))).toBe(true);
      // (The episodes closed in a period: the ones closed after its end are the open caseload's, below.)
      expect(steps.filter((s) => s.includes('episodes_closed_idx (closed_on>? AND')).every((s) => s.startsWith('SEARCH episodes USING COVERING INDEX episodes_closed_idx (closed_on>? AND'))).toBe(true);
      expect(steps.filter((s) => s === 'SEARCH a USING COVERING INDEX assessments_episode_idx (episode_id=?)').length).toBe(2);
      expect(steps.filter((s) => /^(SEARCH|SCAN) (a|assessments)\b/.test(s) && !s.includes('COVERING INDEX'))).toEqual([]);
      // Issue 15's measures: each period's records from its date index; the open caseload and
      // waiting list at the period's end from the episodes open now and those closed after it,
      // never every episode ever referred (twice each: the open caseload and the waiting list).
      for (const index of ['episodes_first_contact_idx', 'signposting_date_idx', 'closures_date_idx', 'goals_set_idx', 'engagement_date_idx', 'goal_reviews_achieved_idx', 'group_events_date_idx'])
        expect(reportSteps.some((s) => s.includes(index)) ? index : `${index} unused`).toBe(index);
      expect(reportSteps.filter((s) => s === 'SEARCH episodes USING INDEX episodes_open_idx (referral_received_on<?)').length).toBe(4);
      expect(reportSteps.filter((s) => s === 'SEARCH episodes USING INDEX episodes_closed_idx (closed_on>?)').length).toBe(4);
      // No step reads a whole large table or walks a whole index of one, by its name or its alias
      // in the statement (a subquery's own rows, its CO-ROUTINE or a one-row constant, may be).
      const ALIASES: Record<string, string> = { e: 'episodes', c: 'contacts', a: 'assessments', p: 'people', x: 'episode_closures', s: 'signposting', gl: 'goals', gr: 'goal_reviews', r: 'engagement_reviews', g: 'group_events', gp: 'group_participants' };
      const bare = plans.flatMap((p) =>
        p.plan
          .filter((step) => {
            const name = /^SCAN (\w+)/.exec(step)?.[1];
            if (!name) return false;
            if (Object.values(ALIASES).includes(name)) return true;
            return name in ALIASES && p.sql.includes(`${ALIASES[name]} ${name} `) && !p.plan.includes(`CO-ROUTINE ${name}`);
          })
          .map((step) => `${step} in ${p.sql.slice(0, 120)}`),
      );
      expect(bare).toEqual([]);
    }
    close();
  });

  it('an export of everything reads each referral’s contacts and closure from indexes alone', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 6));
    ctx.session!.db.exec('ANALYZE');
    const db = ctx.session!.db;
    // The same source the export's thread reads, here on the session's connection to watch it.
    const referrals = BUILT_IN_PROFILES.find((p) => p.id === 'referrals')!;
    let rows = 0;
    const plans = await plansDuring(db, () => {
      for (const chunk of sourceFor(db, referrals, custom('2000-01-01', '2099-12-31')).csvChunks()) rows += chunk.rows;
    });
    expect(rows).toBeGreaterThanOrEqual(300);
    const steps = plans.flatMap((p) => p.plan);
    expect(steps.filter((s) => /\bcontacts\b/.test(s))).toEqual(expect.arrayContaining(['SEARCH contacts USING COVERING INDEX contacts_episode_idx (episode_id>? AND episode_id<?)']));
    expect(steps.filter((s) => /^(SEARCH|SCAN) contacts\b/.test(s) && !s.includes('COVERING INDEX'))).toEqual([]);
    expect(steps.filter((s) => LARGE.some((t) => s === `SCAN ${t}` || s.startsWith(`SCAN ${t} `)))).toEqual([]);
    close();
  });

  it('a person’s record and a caseload page look rows up by key', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 6));
    ctx.session!.db.exec('ANALYZE');
    const record = await plansOf(ctx, 'people.get', { id: 7 });
    const recordSteps = record.flatMap((p) => p.plan);
    expect(recordSteps.filter((s) => LARGE.some((t) => s === `SCAN ${t}`))).toEqual([]);
    const page = await plansOf(ctx, 'people.list', { limit: 100 });
    const pageSteps = page.flatMap((p) => p.plan);
    // Newest first walks the people table by its key and stops after a page.
    expect(pageSteps.filter((s) => /^SCAN e\b|^SCAN episodes\b/.test(s))).toEqual([]);
    expect(pageSteps.some((s) => s.includes('SEARCH e USING INTEGER PRIMARY KEY'))).toBe(true);
    close();
  });

  it('a caseload page sorted by name reads people in order from the name index, and the duplicate check looks people up by key', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 6));
    // As the app runs (it never writes statistics), then with statistics as ANALYZE leaves them.
    for (const analyzed of [false, true]) {
      if (analyzed) ctx.session!.db.exec('ANALYZE');
      for (const input of [{ sort: 'name' as const }, { sort: 'name' as const, query: 'smi' }, { sort: 'name' as const, status: 'open' as const }]) {
        const page = (await plansOf(ctx, 'people.list', { ...input, limit: 100 })).find((p) => p.sql.includes('ORDER BY'))!;
        // Walked in the index's order and stopped after a page: never every person sorted first.
        expect(page.plan[0], JSON.stringify(input)).toBe('SCAN p USING INDEX people_search_idx');
        expect(page.plan.some((s) => s.startsWith('USE TEMP B-TREE')), JSON.stringify(input)).toBe(false);
      }
      // Counting a search's matches reads the covering index alone.
      const count = (await plansOf(ctx, 'people.list', { query: 'smi', limit: 100 })).find((p) => p.sql.includes('count(*)'))!;
      expect(count.plan).toEqual(['SCAN p USING COVERING INDEX people_search_idx']);
      for (const input of [
        { preferredName: 'Sam Smith', givenName: 'Samuel', familyName: 'Smith', dateOfBirth: '1990-01-01' },
        { preferredName: 'Sam Smith', dateOfBirth: '1990-01-01', nhsNumber: '9434765919' },
        { preferredName: 'Sam Smith', nhsNumber: '9434765919' },
      ]) {
        const steps = (await plansOf(ctx, 'people.findDuplicates', input)).flatMap((p) => p.plan);
        expect(steps.filter((s) => s.startsWith('SCAN')), JSON.stringify(input)).toEqual([]);
        expect(steps.some((s) => /SEARCH people USING INDEX people_(birth|nhs_number)_idx/.test(s))).toBe(true);
      }
    }
    close();
  });

  it('the sign-in after a recovery looks the reset up by its record, never reading the whole audit log', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const memberId = ctx.session!.memberId;
    const plans = await plansDuring(ctx.session!.db, () => passphraseResetSinceLastSignIn(ctx.session!.orm, memberId));
    const steps = plans.flatMap((p) => p.plan);
    expect(steps.some((s) => s.includes('audit_entity_idx'))).toBe(true);
    expect(steps.filter((s) => /^SCAN audit_log\b/.test(s))).toEqual([]);
    close();
  });
});
