// Every site's return beside the whole caseload's, for publishing them as one set (see
// core/domain/export/siteSet.ts). Read through the raw connection, as the export worker has no ORM.
import type { Period } from '../../core/domain/export/periods';
import type { ReturnInputs } from '../../core/domain/export/returnInputs';
import type { SiteInputs } from '../../core/domain/export/siteSet';
import type { Orm } from '../types';
import { returnInputs } from './returns';

export interface CaseloadSites {
  /** Each site the caseload knows, retired ones too (their people still count). */
  sites: (SiteInputs & { id: number })[];
  total: ReturnInputs;
}

export function returnsAcrossSites(orm: Orm, period: Period): CaseloadSites {
  const known = orm.$client.prepare('SELECT id, ods_code AS odsCode FROM sites ORDER BY ods_code').all() as { id: number; odsCode: string }[];
  return {
    sites: known.map((s) => ({ id: s.id, site: s.odsCode, inputs: returnInputs(orm, period, s.id) })),
    total: returnInputs(orm, period, null),
  };
}
