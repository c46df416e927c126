// Reports: the monthly return's figures for a chosen period, each compared with the period
// before, as cards and charts that drill down to the people behind them, wellbeing change for
// the same people, the financial year month by month, the team's training and supervision, and
// the data-quality gaps to fix before exporting. Coordinators and peer workers see the organisation's true
// numbers; a reporting-only member sees them as the exported return publishes them.
import { Alert, Button, EmptyState, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { displayDate, todayIso } from '../../../../core/domain/dates';
import type { Period } from '../../../../core/domain/export/periods';
import type { MonthlyReport } from '../../../../core/domain/export/reports';
import { useCan } from '../../shared/access';
import { errorMessage } from '../../shared/api';
import { DataQualityPanel } from './DataQualityPanel';
import type { Drill } from './drill';
import { DrillDrawer } from './DrillDrawer';
import { FigureCard } from './FigureCard';
import { figureSpecs } from './figures';
import { isEmpty, measuresOf } from './measures';
import { PeriodPicker } from './PeriodPicker';
import { defaultPeriod } from './periodChoice';
import { callQuery } from '../../shared/queryKeys';
import { ReportCharts } from './ReportCharts';
import { ReturnMeasuresPanel } from './ReturnMeasuresPanel';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { TeamDevelopmentPanel } from './TeamDevelopmentPanel';
import { TrendsPanel } from './TrendsPanel';
import { WellbeingPanel } from './WellbeingPanel';

// Opening a record from a drill-down leaves this screen; coming back should show the same
// period, not jump to last month. Only the period is kept, never any caseload data.
let rememberedPeriod: Period | null = null;
let rememberedSite: number | undefined;

export function ReportsScreen() {
  const can = useCan();
  const today = todayIso();
  const [period, setPeriodState] = useState<Period | null>(() => rememberedPeriod ?? defaultPeriod(today));
  const setPeriod = (p: Period | null) => {
    if (p) rememberedPeriod = p;
    setPeriodState(p);
  };
  // A period chosen from outside the picker (the empty state's "show the previous period")
  // starts the picker afresh from it.
  const [pickerVersion, setPickerVersion] = useState(0);
  const showPeriod = (p: Period) => {
    setPeriod(p);
    setPickerVersion((v) => v + 1);
  };
  // All sites, or one: every figure, chart and drill-down below follows it.
  const [siteId, setSiteState] = useState<number | undefined>(() => rememberedSite);
  const setSite = (id: number | undefined) => {
    rememberedSite = id;
    setSiteState(id);
  };
  const sites = useQuery(callQuery('sites.list', {}));
  const report = useQuery({
    ...callQuery('reports.monthly', { period: period!, ...(siteId ? { siteId } : {}) }),
    enabled: !!period,
    // The last period's figures stay on screen (dimmed by nothing) until the new ones arrive.
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <ScreenTitle>Reports</ScreenTitle>
        {report.isFetching && <Loader size="sm" role="status" aria-label="Working out the figures" />}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <PeriodPicker key={pickerVersion} value={period} onChange={setPeriod} today={today} />
          {(sites.data?.length ?? 0) > 0 && (
            <NativeSelect
              label="Site"
              description="Figures for every site together, or for one site’s people and events."
              maw={360}
              data={[{ value: '', label: 'All sites' }, ...(sites.data ?? []).map((s) => ({ value: String(s.id), label: `${s.name} (${s.odsCode})` }))]}
              value={siteId ? String(siteId) : ''}
              onChange={(e) => setSite(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
            />
          )}
        </Stack>
      </Paper>
      {report.isError && (
        <Alert color="red" role="alert" title="The figures could not be worked out">
          {errorMessage(report.error)}
        </Alert>
      )}
      {report.data && <Figures report={report.data} today={today} onShowPeriod={showPeriod} siteId={siteId} />}
      {/* Staff figures: shown whether or not the period has casework (not in Figures' empty state). */}
      {report.data && <TeamDevelopmentPanel period={report.data.period} siteChosen={siteId !== undefined} onShowAllSites={() => setSite(undefined)} />}
      {/* Data quality lists people by name: not for a reporting-only member. */}
      {can('reports.dataQuality') && <DataQualityPanel />}
    </Stack>
  );
}

function Figures({ report, today, onShowPeriod, siteId }: { report: MonthlyReport; today: string; onShowPeriod: (p: Period) => void; siteId?: number }) {
  const [drill, setDrill] = useState<Drill | null>(null);
  // The people behind a figure are for those who may open their records.
  const canDrill = useCan()('people.list');
  const now = measuresOf(report.current);
  const before = measuresOf(report.previous);
  // Follow-ups after closure are work in the period too, even in a month with nothing else.
  if (isEmpty(now) && report.current.sustained.length === 0) {
    return (
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconChartBar aria-hidden size={32} />}
          variant="light"
          title={`Nothing recorded for ${report.period.label}`}
          description="No referrals, contacts, groups or follow-up assessments fall in this period. Choose another period, or check that the work done in it has been recorded."
        >
          {!isEmpty(before) && (
            <EmptyState.Actions>
              <Button variant="default" onClick={() => onShowPeriod(report.previousPeriod)}>
                Show {report.previousPeriod.label} instead
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      </Paper>
    );
  }
  return (
    <>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {report.period.label}
        </Title>
        <Text size="sm" c="dimmed">
          Compared with {report.previousPeriod.label}.{' '}
          {report.suppressed
            ? 'As published: small numbers, and any that would give one away, are hidden (*), as in the exported return.'
            : 'These are the true numbers; the exported return hides small numbers.'}
        </Text>
        {report.period.end >= today && (
          // A period still running is compared with a whole one: say so before anyone reads a fall.
          <Text size="sm" fw={600}>
            This period runs to {displayDate(report.period.end)}, so its figures are not complete yet.
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" role="list" aria-label={`Figures for ${report.period.label}`}>
        {figureSpecs(now, before).map((f) => (
          <div role="listitem" key={f.id}>
            <FigureCard
              figure={f}
              previousLabel={report.previousPeriod.label}
              onDrill={f.drill && canDrill ? () => setDrill({ ...f.drill!, expected: typeof f.value === 'number' ? f.value : undefined }) : undefined}
            />
          </div>
        ))}
      </SimpleGrid>
      <WellbeingPanel report={report} onDrill={canDrill ? setDrill : undefined} />
      <ReportCharts report={report} onDrill={canDrill ? setDrill : undefined} />
      <ReturnMeasuresPanel report={report} onDrill={canDrill ? setDrill : undefined} />
      {/* The trend is all sites' (the return's trend rows are too). */}
      <TrendsPanel period={report.period} onDrill={canDrill ? setDrill : undefined} />
      <DrillDrawer drill={drill} period={report.period} siteId={siteId} onClose={() => setDrill(null)} />
    </>
  );
}
