// In-app reports for a manager: the return's true numbers (suppression is for publishing, not
// for the organisation's own screen), compared with the period before, and data quality.
import type { ReturnInputs } from './monthlyReturn';
import type { Period } from './periods';

export interface MonthlyReport {
  period: Period;
  previousPeriod: Period;
  current: ReturnInputs;
  previous: ReturnInputs;
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
