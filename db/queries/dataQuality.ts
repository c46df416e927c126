// Data quality before an export: gaps a manager can fix, each linking to the record.
import type { DataQuality, QualityItem } from '../../core/domain/export/reports';
import type { Settings } from '../../core/domain/settings';
import type { Orm } from '../types';
import { overdueBefore } from './myDay';
import { INACTIVE_SQL, inactiveCutoff, WAITING_SQL } from './people';

const LIMIT = 50;
const PERSON = 'p.id AS personId, p.case_id AS caseId, p.preferred_name AS preferredName';

export function dataQuality(orm: Orm, today: string, settings: Settings): DataQuality {
  const db = orm.$client;
  const list = (from: string, detail: string, params: Record<string, unknown> = {}) => ({
    count: (db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n,
    items: db.prepare(`SELECT ${PERSON}, ${detail} AS detail ${from} LIMIT ${LIMIT}`).all(params) as QualityItem[],
  });
  const missing = `FROM people p JOIN episodes e ON e.id = p.latest_episode_id
    WHERE e.closed_on IS NULL AND (p.gender_identity IS NULL OR p.ethnic_category IS NULL OR p.borough IS NULL OR p.sexual_orientation IS NULL)`;
  return {
    missingDemographics: list(
      missing,
      `rtrim((CASE WHEN p.gender_identity IS NULL THEN 'gender identity, ' ELSE '' END) || (CASE WHEN p.ethnic_category IS NULL THEN 'ethnic category, ' ELSE '' END) ||
       (CASE WHEN p.sexual_orientation IS NULL THEN 'sexual orientation, ' ELSE '' END) || (CASE WHEN p.borough IS NULL THEN 'borough, ' ELSE '' END), ', ')`,
    ),
    neverContacted: list(`FROM episodes e JOIN people p ON p.id = e.person_id WHERE ${WAITING_SQL} AND e.referral_received_on < @overdue`, 'e.referral_received_on', {
      overdue: overdueBefore(today, settings.firstContactOverdueWorkingDays),
    }),
    inactive: list(`FROM episodes e JOIN people p ON p.id = e.person_id WHERE ${INACTIVE_SQL}`, 'coalesce(e.last_contact_on, e.first_contact_on)', {
      inactiveBefore: inactiveCutoff(today, settings.inactiveWeeks),
    }),
  };
}
