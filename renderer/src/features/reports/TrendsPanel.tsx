// The return's measures month by month across the financial year, this year's line beside last
// year's, with the year to date against the same months of the year before. The table view has the
// same numbers, and each of this year's lists the records it counts.
import { LineChart } from '@mantine/charts';
import { Alert, Anchor, Group, Loader, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { DrillBreakdown, DrillMeasure } from '../../../../core/domain/export/drill';
import type { Period } from '../../../../core/domain/export/periods';
import type { Published } from '../../../../core/domain/export/suppression';
import type { Trend, TrendMeasure, TrendSpan } from '../../../../core/domain/export/trends';
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import { errorMessage } from '../../shared/api';
import { PREVIOUS_PERIOD, THIS_PERIOD } from './ComparisonChart';
import type { Drill } from './drill';
import { callQuery } from '../../shared/queryKeys';

/** A trend measure's own figure on Reports, so a point lists what the figure would. */
function drillOf(m: TrendMeasure): { measure: DrillMeasure; breakdown?: DrillBreakdown; category?: string } {
  if (m.instrument) return { measure: 'improved_wellbeing', breakdown: m.instrument as DrillBreakdown, category: m.key.endsWith('_improved') ? 'improved' : 'followed_up' };
  return { measure: m.key as DrillMeasure };
}

const labelOf = (m: TrendMeasure) => (m.instrument ? `${INSTRUMENTS[m.instrument as InstrumentId]?.shortName ?? m.instrument}: ${m.label.replace('Wellbeing: ', '')}` : m.label);
const shown = (v: Published | undefined) => (v === undefined ? '–' : v === '*' ? '*' : v.toLocaleString('en-GB'));
const spanPeriod = (s: TrendSpan): Period => ({ kind: 'custom', start: s.start, end: s.end, label: `${displayDate(s.start)} to ${displayDate(s.end)}` });

export function TrendsPanel({ period, onDrill }: { period: Period; onDrill?: (d: Drill) => void }) {
  const trend = useQuery({
    ...callQuery('reports.trends', { period }),
    refetchOnMount: 'always',
  });
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="trend-title" data-testid="trends">
      {trend.isError ? (
        <Alert color="red" role="alert" title="The trend could not be worked out">
          {errorMessage(trend.error)}
        </Alert>
      ) : !trend.data ? (
        <Group gap="xs">
          <Title order={3} size="h5" id="trend-title">
            The financial year month by month
          </Title>
          <Loader size="xs" role="status" aria-label="Working out the trend" />
        </Group>
      ) : (
        <TrendBody trend={trend.data} onDrill={onDrill} />
      )}
    </Paper>
  );
}

function TrendBody({ trend, onDrill }: { trend: Trend; onDrill?: (d: Drill) => void }) {
  const [key, setKey] = useState(trend.measures[0].key);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const measure = trend.measures.find((m) => m.key === key) ?? trend.measures[0];
  const lastYear = `${Number(trend.financialYear.slice(0, 4)) - 1}/${trend.financialYear.slice(2, 4)}`;
  const hiddenAny = trend.months.some((m) => m.thisYear?.values[measure.key] === '*' || m.lastYear.values[measure.key] === '*');
  // A hidden count is no point on the line (a gap), never a zero.
  const number = (v: Published | undefined) => (typeof v === 'number' ? v : null);
  const data = trend.months.map((m) => ({ month: m.label, thisYear: number(m.thisYear?.values[measure.key]), lastYear: number(m.lastYear.values[measure.key]) }));
  const ytd = trend.ytd.values[measure.key];
  const ytdBefore = trend.ytdLastYear.values[measure.key];
  const drill = (span: TrendSpan, value: Published | undefined, when: string) =>
    onDrill && typeof value === 'number' && value > 0 ? (
      <Anchor
        component="button"
        type="button"
        size="sm"
        aria-label={`${shown(value)} ${labelOf(measure)}, ${when}: show the records`}
        onClick={() => onDrill({ title: `${labelOf(measure)}, ${when}`, ...drillOf(measure), expected: value, period: spanPeriod(span) })}
      >
        {shown(value)}
      </Anchor>
    ) : (
      shown(value)
    );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h5" id="trend-title">
            The financial year month by month
          </Title>
          <Text size="sm" c="dimmed">
            {trend.financialYear} beside {lastYear}
          </Text>
        </div>
        <Group gap="xs">
          <NativeSelect size="xs" aria-label="Measure to follow" data={trend.measures.map((m) => ({ value: m.key, label: labelOf(m) }))} value={measure.key} onChange={(e) => setKey(e.currentTarget.value)} />
          <SegmentedControl
            size="xs"
            aria-label="Show the trend as"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
          />
        </Group>
      </Group>
      <Text size="sm" data-testid="year-to-date">
        Year to date ({displayDate(trend.ytd.start)} to {displayDate(trend.ytd.end)}): <strong>{drill(trend.ytd, ytd, 'year to date')}</strong>, against{' '}
        <strong>{shown(ytdBefore)}</strong> in the same months of {lastYear}.
        {measure.additive ? '' : ' People and pairs are counted once in a year to date, so it is not the sum of its months.'}
      </Text>
      {view === 'chart' ? (
        <LineChart
          h={240}
          data={data}
          dataKey="month"
          series={[
            { name: 'thisYear', label: trend.financialYear, color: THIS_PERIOD },
            { name: 'lastYear', label: lastYear, color: PREVIOUS_PERIOD, strokeDasharray: '6 4' },
          ]}
          curveType="linear"
          connectNulls={false}
          withLegend
          // Recharts sorts legend items by name; keep this year first.
          legendProps={{ verticalAlign: 'bottom', height: 30, itemSorter: null }}
          gridAxis="y"
          textColor="dimmed"
          yAxisProps={{ allowDecimals: false, width: 40 }}
          accessibilityLayer={false}
          role="img"
          aria-label={`Line chart: ${labelOf(measure)} by month, ${trend.financialYear} beside ${lastYear}. The same numbers are in the table view.`}
        />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={`${labelOf(measure)} by month`} verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">{trend.financialYear}</Table.Th>
                <Table.Th ta="right">{lastYear}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trend.months.map((m) => (
                <Table.Tr key={m.label}>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td ta="right">{m.thisYear ? drill(m.thisYear, m.thisYear.values[measure.key], m.label) : '–'}</Table.Td>
                  <Table.Td ta="right">{shown(m.lastYear.values[measure.key])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hiddenAny && (
        <Text size="sm" c="dimmed">
          Hidden (*): a small number, or one that would give a small number away; the line has a gap there.
        </Text>
      )}
    </Stack>
  );
}
