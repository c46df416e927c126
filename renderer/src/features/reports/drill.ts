// Which records a figure or a bar stands for: the return's measure, breakdown and category, as
// `reports.drillDown` takes them. The back end lists them from the same selection it counts.
import type { DrillBreakdown, DrillMeasure } from '../../../../core/domain/export/drill';
import type { Period } from '../../../../core/domain/export/periods';

export interface Drill {
  title: string;
  measure: DrillMeasure;
  breakdown?: DrillBreakdown;
  category?: string;
  /** What the figure shows, so the panel can say when a period's list is cut short. */
  expected?: number;
  /** Its own period (a month of the trend); otherwise the report's. */
  period?: Period;
}
