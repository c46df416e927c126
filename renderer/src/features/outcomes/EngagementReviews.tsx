// Engagement with care, as the clinic tells it: each review, the change from the first to the
// latest in words, and appointments kept against missed as a chart.
import { BarChart } from '@mantine/charts';
import { List, Stack, Table, Text } from '@mantine/core';
import { adherence, type EngagementChange, type EngagementReview } from '../../../../core/domain/assessment';
import { displayDate } from '../../../../core/domain/dates';
import { engagementChangeLines, viralLoadText, yesNoUnknown } from './engagementWords';

interface Props {
  reviews: EngagementReview[];
  change: EngagementChange | null;
  reEngaging: boolean;
}

export function EngagementReviews({ reviews, change, reEngaging }: Props) {
  if (reviews.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No engagement reviews yet. Record what the clinic tells you about viral load, adherence and appointments, and the change shows here.
      </Text>
    );
  }
  const lines = change ? engagementChangeLines(change) : [];
  return (
    <Stack gap="sm">
      {lines.length > 0 ? (
        <List spacing={2} aria-label="Change since the first review">
          {lines.map((l) => (
            <List.Item key={l}>
              <Text fw={700} span>
                {l}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">One review so far: the change shows after the next one.</Text>
      )}
      <AppointmentsChart reviews={reviews} />
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Engagement reviews" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Reviewed</Table.Th>
              <Table.Th>Viral load</Table.Th>
              <Table.Th>ART adherence</Table.Th>
              <Table.Th>Appointments kept</Table.Th>
              <Table.Th>Appointments missed</Table.Th>
              {reEngaging && <Table.Th>Back in care</Table.Th>}
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{displayDate(r.reviewedOn)}</Table.Td>
                <Table.Td>
                  {viralLoadText(r)}
                  {r.viralLoadOn ? ` (result ${displayDate(r.viralLoadOn)})` : ''}
                </Table.Td>
                <Table.Td>{r.adherence ? adherence.label(r.adherence) : 'Not asked'}</Table.Td>
                <Table.Td>{r.appointmentsKept ?? '–'}</Table.Td>
                <Table.Td>{r.appointmentsMissed ?? '–'}</Table.Td>
                {reEngaging && <Table.Td>{yesNoUnknown(r.reengagedInCare)}</Table.Td>}
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.createdByName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {reviews.some((r) => r.note) && (
        <Stack gap={4}>
          {reviews
            .filter((r) => r.note)
            .map((r) => (
              <Text key={r.id} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <strong>Note, {displayDate(r.reviewedOn)}:</strong> {r.note}
              </Text>
            ))}
        </Stack>
      )}
    </Stack>
  );
}

function AppointmentsChart({ reviews }: { reviews: EngagementReview[] }) {
  const counted = reviews.filter((r) => r.appointmentsKept !== null || r.appointmentsMissed !== null);
  if (counted.length === 0) return null;
  const data = counted.map((r) => ({ date: displayDate(r.reviewedOn), kept: r.appointmentsKept ?? 0, missed: r.appointmentsMissed ?? 0 }));
  // Whole appointments only: a tick at every count while the counts are small.
  const most = Math.max(...data.map((d) => d.kept + d.missed), 1);
  const ticks = most <= 10 ? Array.from({ length: most + 1 }, (_, i) => i) : undefined;
  return (
    <Stack gap={4} component="figure" m={0}>
      <Text component="figcaption" size="sm" fw={700}>
        Clinic appointments kept and missed, as counted at each review
      </Text>
      <BarChart
        h={180}
        maw={140 + counted.length * 90}
        data={data}
        dataKey="date"
        type="stacked"
        maxBarWidth={48}
        // Room above the top tick, which recharts otherwise cuts in half.
        barChartProps={{ margin: { top: 10, right: 10, bottom: 0, left: 0 } }}
        series={[
          // Blue and red, not green and red: told apart with the commonest colour blindness too.
          { name: 'kept', label: 'Kept', color: '#005eb8' },
          { name: 'missed', label: 'Missed', color: '#9b1c1c' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 36 }}
        gridAxis="x"
        textColor="dimmed"
        yAxisProps={{ allowDecimals: false, width: 30, domain: [0, most], ticks, interval: 0 }}
        accessibilityLayer={false}
        role="img"
        aria-label="Bar chart of clinic appointments kept and missed at each review. The same numbers are in the table."
      />
    </Stack>
  );
}
