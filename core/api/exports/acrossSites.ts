// The return as it may be published for all sites or one: suppressed as one set with the
// caseload's other sites, so that no two of its published files give a hidden count away by
// subtraction (core/domain/export/siteSet.ts).
import type { AcrossSites } from '../../domain/export/monthlyReturn';
import type { Period } from '../../domain/export/periods';
import type { ReturnInputs } from '../../domain/export/returnInputs';
import { sitePrefix, suppressAcrossSites } from '../../domain/export/siteSet';
import type { SuppressionSettings } from '../../domain/export/suppression';
import { returnsAcrossSites } from '../../../db/queries/siteReturns';
import type { Orm } from '../../../db/types';

export interface ReturnForPublishing {
  /** The figures of the return asked for: one site's, or the whole caseload's. */
  inputs: ReturnInputs;
  /** The whole caseload's (the trend is published beside them). */
  total: ReturnInputs;
  across: AcrossSites;
}

export function returnForPublishing(orm: Orm, period: Period, settings: SuppressionSettings, siteId: number | null): ReturnForPublishing {
  const { sites, total } = returnsAcrossSites(orm, period);
  const set = suppressAcrossSites(sites, total, settings);
  const site = siteId === null ? undefined : sites.find((s) => s.id === siteId);
  if (siteId !== null && !site) throw new Error('return for a site the caseload does not know');
  return { inputs: site ? site.inputs : total, total, across: { set, prefix: site ? sitePrefix(site.site) : '' } };
}
