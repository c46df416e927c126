// In-app reports: the return's figures compared with the period before, and data quality.
// Coordinators and peer workers get the true numbers (they see the records anyway); a
// reporting-only member gets exactly what the exported return would publish.
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
