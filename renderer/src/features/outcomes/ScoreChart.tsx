// One chart of scores over time with the instrument's bands shaded behind, spaced by date so a
// long gap looks long. The same figures are in the table beside it, for anyone who cannot see
// the chart.
import { LineChart, type ChartReferenceAreaProps } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { displayDate } from '../../../../core/domain/dates';
import type { Assessment } from '../../../../core/domain/assessment';
import { BAND_TINT, bandAreas, formatScore, type ChartGroup } from './scores';

// Dark enough for 3:1 against every band tint (WCAG 1.4.11), and told apart by dashes too.
const LINE_STYLES = [
  { color: '#003f7d', dash: undefined },
  { color: '#6b2c91', dash: '6 3' },
  { color: '#7a4100', dash: '2 3' },
] as const;

const DAY = 86_400_000;

// Recharts asks for labels before anything is hovered, with no value: answer with nothing.
const dateLabel = (t: unknown) => (typeof t === 'number' && Number.isFinite(t) ? displayDate(new Date(t).toISOString()) : '');

export function ScoreChart({ group, assessments, label }: { group: ChartGroup; assessments: Assessment[]; label: string }) {
  const data = assessments.map((a) => ({ time: Date.parse(`${a.completedOn}T12:00:00Z`), ...a.scores }));
  const times = data.map((d) => d.time);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // A little room either side so the first and last dots are not cut by the plot's edge.
  const pad = Math.max((last - first) * 0.05, 10 * DAY);
  const referenceAreas: ChartReferenceAreaProps[] = bandAreas(group.bands, group.range).map(({ y1, y2, band }) => ({
    y1,
    y2,
    fill: BAND_TINT[band.level],
    fillOpacity: 1,
    // A white rule between bands, so two bands of the same tint still read as two.
    stroke: '#ffffff',
    strokeWidth: 1,
    ifOverflow: 'hidden',
    label: { value: band.label, position: 'right', fill: '#2f3d48', fontSize: 12 },
  }));
  const series = group.scores.map((s, i) => ({
    name: s.id,
    label: s.label,
    color: LINE_STYLES[i % LINE_STYLES.length].color,
    strokeDasharray: LINE_STYLES[i % LINE_STYLES.length].dash,
  }));
  const direction = group.higherIsBetter ? 'higher is better' : 'lower is better';
  return (
    <Stack gap={4} component="figure" m={0}>
      <LineChart
        h={group.scores.length > 1 ? 260 : 220}
        data={data}
        dataKey="time"
        series={series}
        curveType="linear"
        strokeWidth={2.5}
        // Dots stay solid rings whatever the line's dashes.
        dotProps={{ r: 4, strokeWidth: 2, fill: '#ffffff', strokeDasharray: '0' }}
        referenceAreas={referenceAreas}
        withLegend={series.length > 1}
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        gridAxis="none"
        textColor="dimmed"
        valueFormatter={formatScore}
        // Bands are labelled to the right of the plot, outside it, where no dot can cover them.
        lineChartProps={{ margin: { top: 10, right: 150, bottom: 0, left: 0 } }}
        xAxisProps={{ type: 'number', scale: 'time', domain: [first - pad, last + pad], ticks: times, tickFormatter: dateLabel }}
        yAxisProps={{ domain: [group.range.min, group.range.max], allowDataOverflow: true, width: 40 }}
        tooltipProps={{ labelFormatter: dateLabel }}
        // A picture of the table beside it: one name for the whole chart, no tab stop of its own.
        accessibilityLayer={false}
        role="img"
        aria-label={`${label}: ${group.title} over time, ${direction}. The same scores are in the table.`}
      />
      <Text component="figcaption" size="xs" c="dimmed">
        {group.title}, {direction}. Shading shows the bands.
      </Text>
    </Stack>
  );
}
