// Issue 15's return measures on Reports, grouped as a programme manager reports them: support
// and sites; referrals, waiting and first contact; groups and events; outcomes and closures. Each
// chart compares this period with the one before, and each bar lists the records it counts.
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DrillBreakdown, DrillMeasure } from '../../../../core/domain/export/drill';
import type { MonthlyReport } from '../../../../core/domain/export/reports';
import { FIRST_CONTACT_TARGET_WORKING_DAYS, isLondonBorough } from '../../../../core/domain/export/returnMeasures';
import { chartRows } from './categories';
import { ComparisonChart, PREVIOUS_PERIOD, THIS_PERIOD, type Series } from './ComparisonChart';
import type { Drill } from './drill';
import { findGroup } from './measures';
import { useProgrammeLists } from '../../shared/useProgrammeLists';

/** One chart: the return's measure and breakdown, the code set its categories are labelled from, and words. */
interface ChartSpec {
  measure: DrillMeasure;
  breakdown: DrillBreakdown;
  labels?: string;
  title: string;
  lead: string;
  none: string;
}

const SECTIONS: { title: string; charts: ChartSpec[] }[] = [
  {
    title: 'Support and sites',
    charts: [
      { measure: 'people_supported', breakdown: 'support_type', title: 'People supported by support type', lead: 'People supported:', none: 'No one was supported in either period.' },
      { measure: 'people_supported', breakdown: 'site', title: 'People supported by site', lead: 'People supported at', none: 'No one was supported in either period.' },
      { measure: 'contacts_attended', breakdown: 'site', title: 'Sessions attended by site', lead: 'Sessions at', none: 'No attended sessions in either period.' },
      { measure: 'contacts_cancelled', breakdown: 'by', title: 'Cancelled sessions', lead: 'Sessions', none: 'No sessions were cancelled in either period.' },
    ],
  },
  {
    title: 'Referrals, waiting and first contact',
    charts: [
      { measure: 'referrals_received', breakdown: 'borough_at_referral', title: 'Referrals by borough at referral', lead: 'Referred from', none: 'No referrals in either period.' },
      { measure: 'referrals_received', breakdown: 'site', title: 'Referrals by site', lead: 'Referred to', none: 'No referrals in either period.' },
      { measure: 'opt_out_offered', breakdown: 'outcome_at_period_end', title: 'Opt-out offers by outcome at the period’s end', lead: 'Opt-out offers:', none: 'No opt-out referrals in either period.' },
      { measure: 'first_contact', breakdown: 'target', title: `First contact within ${FIRST_CONTACT_TARGET_WORKING_DAYS} working days`, lead: 'First contacts:', none: 'No first contacts in either period.' },
      { measure: 'waiting_list_at_period_end', breakdown: 'pathway', title: 'Waiting for first contact at the period’s end', lead: 'Waiting, on', none: 'No one was waiting at the end of either period.' },
      { measure: 'open_caseload_at_period_end', breakdown: 'pathway', title: 'Open caseload at the period’s end', lead: 'Open, on', none: 'No open episodes at the end of either period.' },
    ],
  },
  {
    title: 'Groups and events',
    charts: [
      { measure: 'events_held', breakdown: 'event_type', title: 'Events held by type', lead: 'Events held:', none: 'No events were held in either period.' },
      { measure: 'events_held', breakdown: 'mode', labels: 'event_mode', title: 'Events held online and in person', lead: 'Events held:', none: 'No events were held in either period.' },
      { measure: 'group_registrations', breakdown: 'outcome', labels: 'registration_outcome', title: 'Registrations: came or dropped out', lead: 'Registrations:', none: 'No registrations in either period.' },
    ],
  },
  {
    title: 'Signposting, care, goals and closures',
    charts: [
      { measure: 'signposting_made', breakdown: 'category', title: 'Signposting by need', lead: 'Signposted to', none: 'No signposting in either period.' },
      { measure: 'signposting_made', breakdown: 'outcome', labels: 'signposting_outcome', title: 'Signposting by outcome', lead: 'Signposting:', none: 'No signposting in either period.' },
      { measure: 'engagement_with_care', breakdown: 'clinic_appointments', title: 'Clinic appointments (people reviewed)', lead: 'Reviewed:', none: 'No reviews from the clinic in either period.' },
      { measure: 'reengaged_in_care', breakdown: 'pathway', title: 'Re-engaged in care', lead: 'Re-engaged, on', none: 'No one re-engaged in care in either period.' },
      { measure: 'goals_set', breakdown: 'area', title: 'Goals set by area', lead: 'Goals set:', none: 'No goals were set in either period.' },
      { measure: 'goals_achieved', breakdown: 'area', title: 'Goals achieved by area', lead: 'Goals achieved:', none: 'No goals were achieved in either period.' },
      { measure: 'closures', breakdown: 'reason', title: 'Closures by reason', lead: 'Closed:', none: 'No episodes were closed in either period.' },
    ],
  },
];

export function ReturnMeasuresPanel({ report, onDrill }: { report: MonthlyReport; onDrill?: (d: Drill) => void }) {
  // Support types, event modes, signposting categories and closure reasons are the programme's lists.
  const lists = useProgrammeLists().data;
  const compared: Series[] = [
    { key: 'current', label: report.period.label, color: THIS_PERIOD },
    { key: 'previous', label: report.previousPeriod.label, color: PREVIOUS_PERIOD },
  ];
  const subtitle = `${report.period.label} compared with ${report.previousPeriod.label}`;
  const boroughs = findGroup(report.current, 'referrals_received', 'borough_at_referral');
  const londonBoroughs = boroughs?.categories.filter((c) => isLondonBorough(c.category) && c.count !== 0).length ?? 0;
  const median = report.current.firstContact?.medianWorkingDays;
  return (
    <Stack gap="lg">
      {SECTIONS.map((section) => (
        <Stack gap="xs" key={section.title}>
          <Title order={3} size="h4">
            {section.title}
          </Title>
          {section.title.startsWith('Referrals') && (
            <Text size="sm">
              Referred from {londonBoroughs} London {londonBoroughs === 1 ? 'borough' : 'boroughs'}.{' '}
              {median === null || median === undefined ? 'No first contacts in this period.' : `Median time to first contact: ${median} working ${median === 1 ? 'day' : 'days'}.`}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {section.charts.map((c) => {
              const g = findGroup(report.current, c.measure, c.breakdown);
              const withheld = g?.total === '*' && g.categories.length === 0;
              return (
                <ComparisonChart
                  key={`${c.measure}-${c.breakdown}`}
                  id={`chart-${c.measure}-${c.breakdown}`}
                  title={c.title}
                  subtitle={subtitle}
                  rows={chartRows(c.labels ?? c.breakdown, { current: g, previous: findGroup(report.previous, c.measure, c.breakdown) }, lists)}
                  series={compared}
                  empty={withheld ? 'Hidden (*): too few in this period to show by category.' : c.none}
                  onSelect={onDrill ? (row) => onDrill({ title: `${c.lead} “${row.label}”`, measure: c.measure, breakdown: c.breakdown, category: row.category, expected: row.values.current }) : undefined}
                />
              );
            })}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
