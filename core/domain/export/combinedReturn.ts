// One return from several workstations: their true counts added up per site and in total, and
// only then suppressed, all together (siteSet.ts: suppressing each site alone would let a reader
// work the last site's hidden count back as the total minus the others).
import type { Period } from './periods';
import { publishedRows, type ReturnRow } from './monthlyReturn';
import { publishWith, type PublishedReturn } from './publishedReturn';
import { addCounts, inputsOf, type ReturnCounts, type ReturnData } from './returnData';
import { ALL_SITES, type SiteReturnRow } from './returnLayout';
import { suppressAcrossSites, sitePrefix } from './siteSet';
import type { SuppressionSettings } from './suppression';
import { DomainError } from '../result';

export interface NamedReturnData {
  fileName: string;
  data: ReturnData;
}

/**
 * Refuses what cannot be combined, naming the files: two from the same workstation for the same
 * period (the same people counted twice), or files for different periods.
 */
export function checkCombinable(files: readonly NamedReturnData[]): void {
  if (files.length === 0) throw new DomainError('VALIDATION', 'Choose at least one return data file.');
  const first = files[0];
  const seen = new Map<string, string>();
  for (const f of files) {
    if (f.data.period.start !== first.data.period.start || f.data.period.end !== first.data.period.end) {
      throw new DomainError(
        'VALIDATION',
        `“${f.fileName}” is for ${f.data.period.label} but “${first.fileName}” is for ${first.data.period.label}. Combine files for one period at a time. Nothing was combined.`,
      );
    }
    if (f.data.site.odsCode === ALL_SITES) throw new DomainError('VALIDATION', `“${f.fileName}” names its site ${ALL_SITES}, which the combined return keeps for every site together. Nothing was combined.`);
    const before = seen.get(f.data.workstationId);
    if (before !== undefined) {
      throw new DomainError(
        'CONFLICT',
        `“${f.fileName}” is from the same workstation and period as “${before}”: its people would be counted twice. Remove one of them. Nothing was combined.`,
      );
    }
    seen.set(f.data.workstationId, f.fileName);
  }
}

export interface SiteFigures {
  /** The site's ODS code, or ALL for every site together. */
  site: string;
  siteName: string;
  published: PublishedReturn;
}

export interface CombinedReturn {
  period: Period;
  /** Each site's figures (by ODS code), then every site together. */
  sites: SiteFigures[];
  total: SiteFigures;
}

/** Every site's counts added up, and the whole suppressed across sites and total together. */
export function combineReturns(files: readonly NamedReturnData[], settings: SuppressionSettings): CombinedReturn {
  checkCombinable(files);
  const bySite = new Map<string, { name: string; counts: ReturnCounts[] }>();
  for (const f of files) {
    const at = bySite.get(f.data.site.odsCode);
    if (at) at.counts.push(f.data);
    else bySite.set(f.data.site.odsCode, { name: f.data.site.name, counts: [f.data] });
  }
  const sites = [...bySite.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([site, s]) => ({ site, siteName: s.name, inputs: inputsOf(addCounts(s.counts)) }));
  const total = inputsOf(addCounts(files.map((f) => f.data)));
  const { hidden } = suppressAcrossSites(sites, total, settings);
  return {
    period: files[0].data.period,
    sites: sites.map((s) => ({ site: s.site, siteName: s.siteName, published: publishWith(s.inputs, settings, hidden, sitePrefix(s.site)) })),
    total: { site: ALL_SITES, siteName: 'All sites', published: publishWith(total, settings, hidden) },
  };
}

/** The combined return's rows: each site's, then the total's (site ALL). */
export function combinedRows(c: CombinedReturn): SiteReturnRow[] {
  const withSite = (site: string, rows: ReturnRow[]) => rows.map((r) => ({ ...r, site }));
  return [...c.sites.flatMap((s) => withSite(s.site, publishedRows(c.period, s.published))), ...withSite(ALL_SITES, publishedRows(c.period, c.total.published))];
}
