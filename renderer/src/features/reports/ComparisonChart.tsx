// A breakdown as horizontal bars (long category names read better down the side), with the same
// numbers as a table one press away: the table is the way in for screen readers and keyboards,
// and where the records behind a bar can be listed, each row has a button for it.
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import type { ChartRow } from './categories';

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface Props {
  id: string;
  title: string;
  /** What the bars compare, said once under the title. */
  subtitle: string;
  rows: ChartRow[];
  series: Series[];
  /** Shown instead of the chart when every count is zero. */
  empty: string;
  /** Lists the records behind one category; without it the chart has no drill-down. */
  onSelect?: (row: ChartRow) => void;
  /** Controls beside the title (a breakdown picker). */
  controls?: ReactNode;
  /** A line under the chart (how to drill down). */
  hint?: string;
}

/** NHS blue for this period and a slate grey for the last: both above 3:1 on white (WCAG 1.4.11). */
export const THIS_PERIOD = '#005eb8';
export const PREVIOUS_PERIOD = '#768692';

export function ComparisonChart({ id, title, subtitle, rows, series, empty, onSelect, controls, hint }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const anything = rows.some((r) => series.some((s) => r.values[s.key] > 0 || r.hidden[s.key]));
  const titleId = `${id}-title`;
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h5" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          </div>
          <Group gap="xs">
            {controls}
            {anything && (
              <SegmentedControl
                size="xs"
                aria-label={`Show ${title.toLowerCase()} as`}
                value={view}
                onChange={(v) => setView(v as 'chart' | 'table')}
                data={[
                  { value: 'chart', label: 'Chart' },
                  { value: 'table', label: 'Table' },
                ]}
              />
            )}
          </Group>
        </Group>
        {!anything ? (
          <Text size="sm" py="md">
            {empty}
          </Text>
        ) : view === 'chart' ? (
          <Chart title={title} rows={rows} series={series} onSelect={onSelect} />
        ) : (
          <NumbersTable title={title} rows={rows} series={series} onSelect={onSelect} />
        )}
        {anything && hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Chart({ title, rows, series, onSelect }: Pick<Props, 'title' | 'rows' | 'series' | 'onSelect'>) {
  // A hidden count draws no bar: its label says so, rather than let it read as none.
  const data = rows.map((r) => ({ label: Object.values(r.hidden).some(Boolean) ? `${r.label} (* hidden)` : r.label, category: r.category, ...r.values }));
  // A narrow card (a zoomed-in window) gives the bars more of its width than the labels, and
  // room for the legend on two lines.
  const { ref, width } = useElementSize();
  const narrow = width > 0 && width < 480;
  const legend = narrow ? 52 : 30;
  const height = 26 + legend + rows.length * (series.length * 16 + 14);
  return (
    <div ref={ref}>
      <BarChart
        h={height}
        data={data}
        dataKey="label"
        orientation="vertical"
        series={series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
        withLegend
        // Recharts sorts legend items by name; keep the series order (this period first).
        legendProps={{ verticalAlign: 'bottom', height: legend, itemSorter: null }}
        gridAxis="x"
        textColor="dimmed"
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: narrow ? Math.round(width * 0.4) : 200, interval: 0 }}
        maxBarWidth={16}
        barProps={
          onSelect
            ? {
                cursor: 'pointer',
                onClick: (bar: { payload?: { category?: string } }) => {
                  const row = rows.find((r) => r.category === bar.payload?.category);
                  if (row) onSelect(row);
                },
              }
            : undefined
        }
        accessibilityLayer={false}
        role="img"
        aria-label={`Bar chart: ${title}. The same numbers are in the table view.`}
      />
    </div>
  );
}

function NumbersTable({ title, rows, series, onSelect }: Pick<Props, 'title' | 'rows' | 'series' | 'onSelect'>) {
  return (
    <Table aria-label={title} verticalSpacing={4} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Category</Table.Th>
          {series.map((s) => (
            <Table.Th key={s.key} ta="right">
              {s.label}
            </Table.Th>
          ))}
          {onSelect && (
            <Table.Th>
              <VisuallyHidden>Records</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.category}>
            <Table.Td>{r.label}</Table.Td>
            {series.map((s) => (
              <Table.Td key={s.key} ta="right">
                {r.hidden[s.key] ? '*' : r.values[s.key].toLocaleString('en-GB')}
              </Table.Td>
            ))}
            {onSelect && (
              <Table.Td>
                <Anchor component="button" type="button" size="sm" aria-label={`Show the records: ${r.label}`} onClick={() => onSelect(r)}>
                  Show the records
                </Anchor>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
