// The return's breakdowns as charts, this period beside the one before: referrals by source and
// by pathway, contacts by mode and type, groups, and the demographics of people supported.
import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import type { MonthlyReport } from '../../../../core/domain/export/reports';
import type { DrillBreakdown, DrillMeasure } from '../../../../core/domain/export/drill';
import { chartRows, type ChartRow } from './categories';
import { ComparisonChart, PREVIOUS_PERIOD, THIS_PERIOD, type Series } from './ComparisonChart';
import type { Drill } from './drill';
import { findGroup } from './measures';
import { useProgrammeLists } from '../../shared/useProgrammeLists';

const DEMOGRAPHICS: { value: DrillBreakdown; label: string }[] = [
  { value: 'gender_identity', label: 'Gender identity' },
  { value: 'ethnic_category', label: 'Ethnic category' },
  { value: 'sexual_orientation', label: 'Sexual orientation' },
  { value: 'age_band', label: 'Age band' },
  { value: 'borough', label: 'Borough' },
];

/** `onDrill` absent (a reporting-only member): the figures only, without the records behind them. */
export function ReportCharts({ report, onDrill }: { report: MonthlyReport; onDrill?: (d: Drill) => void }) {
  const [demographic, setDemographic] = useState<DrillBreakdown>('gender_identity');
  const lists = useProgrammeLists().data;
  const compared: Series[] = [
    { key: 'current', label: report.period.label, color: THIS_PERIOD },
    { key: 'previous', label: report.previousPeriod.label, color: PREVIOUS_PERIOD },
  ];
  const subtitle = `${report.period.label} compared with ${report.previousPeriod.label}`;
  const rows = (measure: string, breakdown: string) =>
    chartRows(breakdown, { current: findGroup(report.current, measure, breakdown), previous: findGroup(report.previous, measure, breakdown) }, lists);
  // A bar lists the records of this period behind it (the previous period's bar is for comparing).
  const drillTo = (measure: DrillMeasure, breakdown: DrillBreakdown, lead: string) =>
    onDrill ? (row: ChartRow) => onDrill({ title: `${lead} “${row.label}”`, measure, breakdown, category: row.category, expected: row.values.current }) : undefined;
  // Every cell of a breakdown hidden: the return publishes its total alone, and so does the chart.
  const withheld = (measure: string, breakdown: string) => {
    const g = findGroup(report.current, measure, breakdown);
    return g?.total === '*' && g.categories.length === 0;
  };
  const empty = (measure: string, breakdown: string, none: string) => (withheld(measure, breakdown) ? 'Hidden (*): too few in this period to show by category.' : none);
  const demographicLabel = DEMOGRAPHICS.find((d) => d.value === demographic)!.label.toLowerCase();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ComparisonChart
        id="chart-source"
        title="Referrals by source"
        subtitle={subtitle}
        rows={rows('referrals_received', 'source')}
        series={compared}
        empty={empty('referrals_received', 'source', 'No referrals in either period.')}
        onSelect={drillTo('referrals_received', 'source', 'Referred by')}
      />
      <ComparisonChart
        id="chart-pathway"
        title="Referrals by pathway"
        subtitle={subtitle}
        hint={onDrill ? 'Choose a bar, or “Show the records” in the table view, to list what it counts.' : undefined}
        rows={rows('referrals_received', 'pathway')}
        series={compared}
        empty={empty('referrals_received', 'pathway', 'No referrals in either period.')}
        onSelect={drillTo('referrals_received', 'pathway', 'Referred on')}
      />
      <ComparisonChart
        id="chart-mode"
        title="Contacts attended by how they were held"
        subtitle={subtitle}
        rows={rows('contacts_attended', 'mode')}
        series={compared}
        empty={empty('contacts_attended', 'mode', 'No attended contacts in either period.')}
        onSelect={drillTo('contacts_attended', 'mode', 'Contacts attended:')}
      />
      <ComparisonChart
        id="chart-type"
        title="Contacts attended by type"
        subtitle={subtitle}
        rows={rows('contacts_attended', 'type')}
        series={compared}
        empty={empty('contacts_attended', 'type', 'No attended contacts in either period.')}
        onSelect={drillTo('contacts_attended', 'type', 'Contacts attended:')}
      />
      <ComparisonChart
        id="chart-groups"
        title="Group registrations and attendance"
        subtitle={`${report.period.label}, by type of event`}
        rows={chartRows('event_type', {
          registered: findGroup(report.current, 'group_registrations', 'event_type'),
          attended: findGroup(report.current, 'group_attendance', 'event_type'),
        }, lists)}
        series={[
          { key: 'registered', label: 'Registered', color: THIS_PERIOD },
          { key: 'attended', label: 'Attended', color: '#1b5a2a' },
        ]}
        empty="No groups or workshops were held in this period."
        onSelect={
          onDrill &&
          ((row) => onDrill({ title: `Registered for “${row.label}”`, measure: 'group_registrations', breakdown: 'event_type', category: row.category, expected: row.values.registered }))
        }
      />
      <ComparisonChart
        id="chart-demographics"
        title="People supported: demographics"
        subtitle={`By ${demographicLabel}, ${subtitle}`}
        rows={rows('people_supported', demographic)}
        series={compared}
        empty={empty('people_supported', demographic, 'No one was supported in either period.')}
        onSelect={drillTo('people_supported', demographic, 'People supported:')}
        controls={
          <NativeSelect
            size="xs"
            aria-label="Demographic to show"
            data={DEMOGRAPHICS}
            value={demographic}
            onChange={(e) => setDemographic(DEMOGRAPHICS.find((d) => d.value === e.currentTarget.value)?.value ?? 'gender_identity')}
          />
        }
      />
    </SimpleGrid>
  );
}
