// The records behind a figure, in a side panel over the report: each name opens the record.
import { Alert, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayDate } from '../../../../core/domain/dates';
import type { Period } from '../../../../core/domain/export/periods';
import { errorMessage } from '../../shared/api';
import type { Drill } from './drill';
import { PersonLink } from '../../shared/PersonLink';
import { callQuery } from '../../shared/queryKeys';
import { countOf } from '../../../../core/domain/plural';

export function DrillDrawer({ drill, period, siteId, onClose }: { drill: Drill | null; period: Period; siteId?: number; onClose: () => void }) {
  return (
    <Drawer
      opened={!!drill}
      onClose={onClose}
      position="right"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={drill ? (drill.period ? drill.title : `${drill.title}, ${period.label}`) : ''}
    >
      {drill && <DrillList drill={drill} period={drill.period ?? period} siteId={drill.period ? undefined : siteId} />}
    </Drawer>
  );
}

function DrillList({ drill, period, siteId }: { drill: Drill; period: Period; siteId?: number }) {
  // Always asked afresh: a record may have changed since the drawer last opened.
  const found = useQuery({
    ...callQuery('reports.drillDown', { period, measure: drill.measure, breakdown: drill.breakdown, category: drill.category, ...(siteId ? { siteId } : {}) }),
    staleTime: 0,
    gcTime: 0,
  });
  if (found.isPending) return <Loader role="status" aria-label="Finding the records behind this figure" />;
  if (found.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(found.error)}
      </Alert>
    );
  const { rows, total } = found.data;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {total === 0
          ? 'Nothing to list: this figure counts no records.'
          : `${countOf(total, 'record')}, newest first. Each name opens the person’s record.`}
      </Text>
      {rows.length < total && (
        <Alert color="gray" variant="light">
          Showing the newest {rows.length.toLocaleString('en-GB')}. Choose a shorter period or a single category to see the rest.
        </Alert>
      )}
      {rows.length > 0 && (
        <Table aria-label={`Records behind: ${drill.title}`} verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th w="45%">What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.personId}-${r.on}-${i}`}>
                <Table.Td>
                  {/* A group event held is about no one person: its title, without a link. */}
                  {r.personId === null ? <Text size="sm">Group event</Text> : <PersonLink personId={r.personId} name={r.preferredName ?? ''} caseId={r.caseId ?? ''} />}
                </Table.Td>
                <Table.Td>{displayDate(r.on)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
