// The filtered entries, newest first, a page of 50 at a time (the log grows by every record
// opened, so it is never read whole into the page).
import { Alert, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { auditActionLabel } from '../../../../core/domain/auditActions';
import { errorMessage } from '../../shared/api';
import type { Filters } from './AuditFilters';
import { callQuery } from '../../shared/queryKeys';
import { StackedTable } from '../../shared/StackedTable';

export const PAGE = 50;

export function AuditTable({ filters }: { filters: Filters }) {
  const [page, setPage] = useState(0);
  // One more than a page: whether there is an older page, without counting the whole log.
  const entries = useQuery({
    ...callQuery('audit.list', { ...filters, limit: PAGE + 1, offset: page * PAGE }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const rows = entries.data?.slice(0, PAGE) ?? [];
  const older = (entries.data?.length ?? 0) > PAGE;
  return (
    <Paper withBorder p="md" component="section" aria-label="Audit entries">
      <Stack gap="sm">
        {entries.isPending && <Loader size="sm" role="status" aria-label="Loading the audit log" />}
        {entries.isError && (
          <Alert color="red" role="alert">
            {errorMessage(entries.error)}
          </Alert>
        )}
        {entries.data && rows.length === 0 && <Text size="sm">No entries match these filters.</Text>}
        {rows.length > 0 && (
          <div tabIndex={0} role="region" aria-label="Audit entries, scrollable" style={{ overflowX: 'auto' }}>
            <StackedTable stackBelow="lg" aria-label="Audit log" verticalSpacing={4} striped stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>When</Table.Th>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th w={110}>Entity</Table.Th>
                  <Table.Th w={90} ta="right">
                    Entity id
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td data-label="When" data-lead>{dayjs(e.at).format('DD/MM/YYYY HH:mm:ss')}</Table.Td>
                    <Table.Td data-label="Member">{e.memberName || <Text span size="sm" c="dimmed">(not signed in)</Text>}</Table.Td>
                    <Table.Td data-label="Action" title={e.action}>
                      {auditActionLabel(e.action)}
                    </Table.Td>
                    <Table.Td data-label="Entity">{e.entity ?? ''}</Table.Td>
                    <Table.Td ta="right" data-label="Entity id">
                      {e.entityId ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackedTable>
          </div>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows.length > 0 ? `Entries ${(page * PAGE + 1).toLocaleString('en-GB')} to ${(page * PAGE + rows.length).toLocaleString('en-GB')}, newest first` : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setPage((p) => p - 1)} disabled={page === 0 || entries.isFetching}>
              Newer
            </Button>
            <Button variant="default" size="sm" onClick={() => setPage((p) => p + 1)} disabled={!older || entries.isFetching}>
              Older
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
