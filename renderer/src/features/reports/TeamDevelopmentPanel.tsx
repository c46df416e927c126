// Peer workers' training, supervision and CPD on Reports (issue 15, item 8): the team's totals as
// the monthly return counts them (its staff_development rows), beside the period before, so a
// manager reviewing the month can show the team is trained and supervised (BHIVA's standards).
// They are staff figures kept on no site, so all sites' return alone has them; the return
// publishes them as counted, so every role sees the same numbers.
import { Alert, Button, EmptyState, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconSchool } from '@tabler/icons-react';
import type { DevelopmentFigures } from '../../../../core/domain/development';
import type { Period } from '../../../../core/domain/export/periods';
import { countOf } from '../../../../core/domain/plural';
import { useCan } from '../../shared/access';
import { errorMessage } from '../../shared/api';
import { useNavigation } from '../../shared/navigation';
import { callQuery } from '../../shared/queryKeys';

/** Every figure the return writes, in its order, in words (a new figure without words does not compile). */
const LABELS: Record<keyof DevelopmentFigures, string> = {
  workers: 'Peer workers and coordinators',
  workersSupervised: 'Supervised at least once',
  supervisions: 'Supervision sessions',
  jointSupervisions: 'Supervision held jointly with the clinic’s team',
  trainingSessions: 'Training sessions attended',
  trainingHours: 'Hours of training',
  cpdHours: 'Hours of other CPD',
};
const ROWS = Object.keys(LABELS) as (keyof DevelopmentFigures)[];

// Hours are kept to the quarter hour: 8.25, never 8.3.
const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const shown = (f: DevelopmentFigures, key: keyof DevelopmentFigures) => (key === 'workersSupervised' ? `${number(f.workersSupervised)} of ${number(f.workers)}` : number(f[key]));

/** Training and CPD always have hours, so a period with none of these had nothing recorded. */
const nothingRecorded = (f: DevelopmentFigures) => f.supervisions === 0 && f.trainingSessions === 0 && f.cpdHours === 0;

interface Props {
  period: Period;
  /** One site is chosen above: these figures are not per site, so say so rather than show a blank. */
  siteChosen: boolean;
  onShowAllSites: () => void;
}

export function TeamDevelopmentPanel({ period, siteChosen, onShowAllSites }: Props) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="team-development-title" data-testid="team-development">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="team-development-title">
            Peer workers’ training and supervision
          </Title>
          <Text size="sm" c="dimmed">
            The whole team’s totals, as the monthly return counts them: figures about staff, so nothing is hidden, and never one member’s own.
          </Text>
        </div>
        {siteChosen ? (
          <Group gap="sm" justify="space-between" align="center">
            <Text size="sm" style={{ flex: '1 1 18rem' }}>
              These are team figures, kept on no site, so they are in the all-sites return only. Choose all sites to see them.
            </Text>
            <Button variant="default" size="sm" onClick={onShowAllSites}>
              Show all sites
            </Button>
          </Group>
        ) : (
          <Figures period={period} />
        )}
      </Stack>
    </Paper>
  );
}

function Figures({ period }: { period: Period }) {
  const report = useQuery({ ...callQuery('reports.development', { period }), refetchOnMount: 'always' });
  if (report.isError) {
    return (
      <Alert color="red" role="alert" title="Training and supervision could not be worked out">
        {errorMessage(report.error)}
      </Alert>
    );
  }
  if (!report.data) return <Loader size="xs" role="status" aria-label="Working out training and supervision" />;
  const { current, previous, previousPeriod } = report.data;
  if (nothingRecorded(current)) return <NothingRecorded label={report.data.period.label} workers={current.workers} />;
  return (
    // Narrower than the section on a wide window, so each figure reads straight across from its words.
    <Table aria-label={`Training and supervision, ${report.data.period.label}`} verticalSpacing={6} striped maw={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">What the return counts</Table.Th>
          <Table.Th scope="col" ta="right">
            {report.data.period.label}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {previousPeriod.label}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROWS.map((key) => (
          <Table.Tr key={key} data-figure={key}>
            <Table.Th scope="row" fw={key === 'jointSupervisions' ? 400 : 600} pl={key === 'jointSupervisions' ? 'lg' : undefined}>
              {LABELS[key]}
            </Table.Th>
            <Table.Td ta="right">{shown(current, key)}</Table.Td>
            <Table.Td ta="right">{shown(previous, key)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NothingRecorded({ label, workers }: { label: string; workers: number }) {
  const { go } = useNavigation();
  // Peer workers record their own, a coordinator anyone's; a reporting-only member records none.
  const canRecord = useCan()('development.record');
  const team = workers > 0 ? `, beside ${countOf(workers, 'peer worker or coordinator', 'peer workers and coordinators')} on the team` : '';
  return (
    <EmptyState
      size="sm"
      icon={<IconSchool aria-hidden size={24} />}
      variant="light"
      title={`No training, supervision or CPD recorded for ${label}`}
      description={`The return counts none for this period${team}. Peer workers record their own in Settings, under Training and supervision; a coordinator can record anyone’s.`}
    >
      {canRecord && (
        <EmptyState.Actions>
          <Button variant="default" onClick={() => go({ name: 'settings', section: 'development' })}>
            Record training and supervision
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
