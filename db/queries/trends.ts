// The spans the trend reads (core/domain/export/trends.ts): April to the month holding the
// period's end, the last month cut at that end; the twelve months of the year before, the matching
// month cut a year earlier; and the two years to date. Each is counted by the return's own
// selections, headline counts only (headlineInputs): 26 spans must not cost 26 whole returns.
import dayjs from 'dayjs';
import { financialYear, financialYearOf, month, type Period } from '../../core/domain/export/periods';
import type { TrendInputs, TrendSpan } from '../../core/domain/export/trends';
import type { Orm } from '../types';
import { headlineInputs, pairsBySpan } from './returns';

const yearBefore = (iso: string) => dayjs(iso).subtract(1, 'year').format('YYYY-MM-DD');
const span = (start: string, end: string): Period => ({ kind: 'custom', start, end, label: '' });

export function trendSpans(period: { start: string; end: string }) {
  const fy = financialYearOf(period.end);
  const months = (startYear: number) => Array.from({ length: 12 }, (_, i) => month(i < 9 ? startYear : startYear + 1, ((i + 3) % 12) + 1));
  const thisYear = months(fy)
    .filter((m) => m.start <= period.end)
    .map((m) => ({ start: m.start, end: m.end < period.end ? m.end : period.end }));
  const cut = thisYear.length - 1;
  const lastYear = months(fy - 1).map((m, i) => ({ start: m.start, end: i === cut ? yearBefore(period.end) : m.end }));
  return {
    financialYear: fy,
    thisYear,
    lastYear,
    ytd: { start: financialYear(fy).start, end: period.end },
    ytdLastYear: { start: financialYear(fy - 1).start, end: yearBefore(period.end) },
  };
}

export function trendInputs(orm: Orm, period: { start: string; end: string }): TrendInputs {
  const spans = trendSpans(period);
  const all = [...spans.thisYear, ...spans.lastYear, spans.ytd, spans.ytdLastYear];
  const pairs = pairsBySpan(orm, all);
  const count = (s: TrendSpan) => ({ ...s, inputs: headlineInputs(orm, span(s.start, s.end), pairs[all.indexOf(s)]) });
  return {
    financialYear: spans.financialYear,
    thisYear: spans.thisYear.map(count),
    lastYear: spans.lastYear.map(count),
    ytd: count(spans.ytd),
    ytdLastYear: count(spans.ytdLastYear),
    period: { start: period.start, end: period.end },
  };
}
