// In-app reports: the return's figures compared with the period before, and data quality.
// Coordinators and peer workers get the true numbers (they see the records anyway); a
// reporting-only member gets exactly what the exported return would publish.
import type { DevelopmentFigures } from '../development';
import type { Period } from './periods';
import type { PublishedReturn } from './publishedReturn';

export interface MonthlyReport {
  period: Period;
  previousPeriod: Period;
  /** Small numbers hidden ("*") and, if the settings say so, counts rounded to 5. */
  suppressed: boolean;
  current: PublishedReturn;
  previous: PublishedReturn;
}

/**
 * The team's training, supervision and CPD in the period beside the period before: all sites'
 * figures, as the return counts them (staff totals, published as counted, so the same for every role).
 */
export interface DevelopmentReport {
  period: Period;
  previousPeriod: Period;
  current: DevelopmentFigures;
  previous: DevelopmentFigures;
}

export interface QualityItem {
  personId: number;
  caseId: string;
  preferredName: string;
  detail: string;
}

export interface DataQuality {
  missingDemographics: { count: number; items: QualityItem[] };
  neverContacted: { count: number; items: QualityItem[] };
  inactive: { count: number; items: QualityItem[] };
}
