// One caseload's sites published apart and together: the all-sites return and each site's are
// suppressed as one set, so a reader holding several of them, who knows the rules and that the
// sites add up to the whole, cannot work a hidden count back by subtraction. Checked against
// that reader on a caseload of 1,500 (one site small, a few people on no site), for the files a
// coordinator exports and for the figures a reporting-only member is shown.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import type { PublishedReturn } from '../../core/domain/export/publishedReturn';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { must, REPORTER_PASSPHRASE, signInAs, teamWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const october = month(2026, 10);
type Ctx = Awaited<ReturnType<typeof teamWorkspace>>['ctx'];
type Figures = Map<string, number | '*'>;

/** Most people at Riverside, one in fifteen at the small Northside clinic, one in a hundred and one on no site. */
async function twoSites() {
  const team = await teamWorkspace(dir);
  insertPeople(team.ctx.session!, syntheticPeople(1500, 11, new Date('2026-11-01T12:00:00Z')));
  const saved = await must(team.ctx, 'sites.save', { name: 'Riverside', odsCode: 'RQM01' });
  const a = saved.find((s) => s.odsCode === 'RQM01')!;
  const b = (await must(team.ctx, 'sites.save', { name: 'Northside', odsCode: 'RAP01' })).find((s) => s.odsCode === 'RAP01')!;
  // Fixture only: the synthetic caseload has no sites, so they are given out by row.
  team.ctx.session!.db
    .prepare('UPDATE people SET clinic_site_id = CASE WHEN rowid % 101 = 0 THEN NULL WHEN rowid % 15 = 0 THEN @b ELSE @a END')
    .run({ a: a.id, b: b.id });
  return { ...team, a, b };
}

function fromReturn(r: PublishedReturn): Figures {
  const f: Figures = new Map();
  for (const g of r.groups) {
    f.set(`${g.measure}/${g.breakdown}/total`, g.total);
    for (const c of g.categories) f.set(`${g.measure}/${g.breakdown}/${c.category}`, c.count);
  }
  f.set('contacts/attended', r.attended);
  f.set('contacts/dna', r.dna);
  f.set('people_supported', r.peopleSupported);
  f.set('newly_diagnosed/offered', r.newlyDiagnosedOffered);
  f.set('newly_diagnosed/engaged', r.newlyDiagnosedEngaged);
  return f;
}

async function fromFile(ctx: Ctx, siteId?: number): Promise<Figures> {
  const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october, ...(siteId ? { siteId } : {}) });
  const rows = parse(readFileSync(file.location), { bom: true, from_line: 2 }) as string[][];
  const f: Figures = new Map();
  for (const r of rows.filter((x) => x[0] === '2026-10-01/2026-10-31' && x[4] !== '' && !['site', 'dna_rate', 'average_contacts_per_person', 'trend', 'staff_development'].includes(x[1])))
    if (!/percent|average|median|mean_change|fewer_than|number_of|target_working_days|with_baseline/.test(r[3])) f.set(`${r[1]}/${r[2]}/${r[3]}`, r[4] === '*' ? '*' : Number(r[4]));
  return f;
}

/**
 * The reader's subtraction: for each figure, all = A + B + (people on no site). Where no one is on
 * no site for it, one hidden value among the three is given away; where the no-site part is the
 * only unknown (all three shown), it is given away if small.
 */
function givenAway(all: Figures, a: Figures, b: Figures, exact: { all: Figures; a: Figures; b: Figures }): string[] {
  const found: string[] = [];
  for (const [key, whole] of all) {
    // A category a site's file leaves out is hidden with its whole breakdown, or holds no one.
    const at = (f: Figures, e: Figures) => f.get(key) ?? (Number(e.get(key) ?? 0) === 0 ? 0 : '*');
    const parts = [whole, at(a, exact.a), at(b, exact.b)];
    const noSite = Number(exact.all.get(key) ?? 0) - Number(exact.a.get(key) ?? 0) - Number(exact.b.get(key) ?? 0);
    const hidden = parts.filter((v) => v === '*').length;
    if (noSite === 0 && hidden === 1) found.push(`${key}: all ${parts[0]}, Riverside ${parts[1]}, Northside ${parts[2]}`);
    if (hidden === 0 && noSite >= 1 && noSite <= 7) found.push(`${key}: ${noSite} on no site, from all − the sites`);
  }
  return found;
}

describe('one caseload’s sites published apart and together', () => {
  it('no hidden count of one site’s return can be worked out from all sites’ and the other site’s', async () => {
    const { ctx, a, b, close } = await twoSites();
    const exact = {
      all: fromReturn((await must(ctx, 'reports.monthly', { period: october })).current),
      a: fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: a.id })).current),
      b: fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: b.id })).current),
    };
    // The small site has small counts to hide, and the big site's and all sites' are large.
    expect(exact.b.get('referrals_received/source/total')).toBeGreaterThan(0);
    expect(exact.b.get('referrals_received/source/total')).toBeLessThanOrEqual(7);
    expect(exact.a.get('referrals_received/source/total')).toBeGreaterThan(7);

    const [all, atA, atB] = [await fromFile(ctx), await fromFile(ctx, a.id), await fromFile(ctx, b.id)];
    expect(atB.get('referrals_received/source/total')).toBe('*');
    expect(givenAway(all, atA, atB, exact)).toEqual([]);
    // The whole caseload's headline figures stay shown: where one more cell must be hidden, a
    // site's is hidden, not the figure the trust reads first.
    for (const key of ['referrals_received/source/total', 'people_supported/new_or_continuing/total', 'contacts_attended/type/total'])
      expect(all.get(key), key).toBe(exact.all.get(key));
    close();
  });

  it('a reporting-only member is shown the same figures as the files, so the Reports screen gives nothing more away', async () => {
    const { ctx, a, b, reporterId, close } = await twoSites();
    const exact = {
      all: fromReturn((await must(ctx, 'reports.monthly', { period: october })).current),
      a: fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: a.id })).current),
      b: fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: b.id })).current),
    };
    const files = [await fromFile(ctx), await fromFile(ctx, a.id), await fromFile(ctx, b.id)];
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    const shown = [
      fromReturn((await must(ctx, 'reports.monthly', { period: october })).current),
      fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: a.id })).current),
      fromReturn((await must(ctx, 'reports.monthly', { period: october, siteId: b.id })).current),
    ];
    shown.forEach((f, i) => {
      for (const [key, v] of files[i]) if (f.has(key)) expect(f.get(key), `${['all', 'Riverside', 'Northside'][i]} ${key}`).toBe(v);
    });
    expect(givenAway(shown[0], shown[1], shown[2], exact)).toEqual([]);
    close();
  });
});
