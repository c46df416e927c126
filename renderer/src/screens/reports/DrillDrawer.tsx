// The people behind a figure, in a side panel over the report: each name opens the record.
import { Alert, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { pathway as pathways, referralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import type { Period } from '../../../../core/domain/export/periods';
import { errorMessage } from '../../api';
import { referralsIn, type Drill } from './drill';
import { PersonLink } from '../../components/PersonLink';

export function DrillDrawer({ drill, period, onClose }: { drill: Drill | null; period: Period; onClose: () => void }) {
  return (
    <Drawer opened={!!drill} onClose={onClose} position="right" size="lg" closeButtonProps={{ 'aria-label': 'Close' }} title={drill ? `${drill.title}, ${period.label}` : ''}>
      {drill && <DrillList drill={drill} period={period} />}
    </Drawer>
  );
}

function DrillList({ drill, period }: { drill: Drill; period: Period }) {
  // Always asked afresh: a record may have changed since the drawer last opened.
  const found = useQuery({
    queryKey: ['reports', 'drill', period.start, period.end, drill.pathway ?? ''],
    queryFn: () => referralsIn(period, drill.pathway),
    staleTime: 0,
    gcTime: 0,
  });
  if (found.isPending) return <Loader aria-label="Finding the people behind this figure" />;
  if (found.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(found.error)}
      </Alert>
    );
  const { rows, complete } = found.data;
  const missing = (drill.expected ?? rows.length) - rows.length;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {rows.length === 0 ? 'No one to list.' : `${rows.length.toLocaleString('en-GB')} ${rows.length === 1 ? 'person' : 'people'}, newest referral first.`}
      </Text>
      {missing > 0 && complete && (
        <Alert color="gray" variant="light">
          The figure counts {missing.toLocaleString('en-GB')} more {missing === 1 ? 'referral' : 'referrals'}: {missing === 1 ? 'that person has' : 'those people have'} been
          referred again since, and this list goes by each person’s latest referral.
        </Alert>
      )}
      {!complete && (
        <Alert color="gray" variant="light">
          The list stopped after searching the 10,000 most recent referrals. Choose a more recent period, or search the caseload.
        </Alert>
      )}
      {rows.length > 0 && (
        <Table aria-label={`People behind: ${drill.title}`} verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th w={110}>Referred</Table.Th>
              {!drill.pathway && <Table.Th w={150}>Pathway</Table.Th>}
              <Table.Th w={130}>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <PersonLink personId={r.id} name={r.preferredName} caseId={r.caseId} />
                </Table.Td>
                <Table.Td>{displayDate(r.referralReceivedOn)}</Table.Td>
                {!drill.pathway && (
                  <Table.Td>
                    <Text size="sm">{pathways.label(r.pathway)}</Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{referralStatus.label(r.referralStatus)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
