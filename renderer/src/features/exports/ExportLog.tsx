// Every export made from this caseload: who, when, what, for which period, how many rows,
// whether it named people or was encrypted, and the file's SHA-256, so a file that turns up
// later can be matched to the export that made it.
import { Alert, EmptyState, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconHistory } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { displayDate } from '../../../../core/domain/dates';
import { MONTHLY_RETURN_ID, type ExportLogEntry } from '../../../../core/domain/export/request';
import { errorMessage } from '../../shared/api';
import { Tag } from '../../shared/Tag';
import { CopySha } from '../../shared/CopySha';
import { callQuery } from '../../shared/queryKeys';
import { StackedTable } from '../../shared/StackedTable';

export function ExportLog() {
  const log = useQuery({ ...callQuery('exports.log', {}), refetchOnMount: 'always' });
  return (
    <Paper component="section" aria-labelledby="export-log-title" withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4" id="export-log-title">
          Export log
        </Title>
        <Text size="sm" c="dimmed">
          The most recent 200 exports from this caseload. Compare a file’s SHA-256 with the one here to check it is the file that was exported, unchanged.
        </Text>
        {log.isPending && <Loader size="sm" role="status" aria-label="Loading the export log" />}
        {log.isError && (
          <Alert color="red" role="alert">
            {errorMessage(log.error)}
          </Alert>
        )}
        {log.data && (log.data.length === 0 ? <NoExports /> : <LogTable entries={log.data} />)}
      </Stack>
    </Paper>
  );
}

function NoExports() {
  return (
    <EmptyState
      size="sm"
      icon={<IconHistory aria-hidden size={24} />}
      variant="light"
      title="No exports yet"
      description="Each file exported from this caseload will be listed here, with who exported it and its SHA-256 fingerprint."
    />
  );
}

function LogTable({ entries }: { entries: ExportLogEntry[] }) {
  return (
    <div tabIndex={0} role="region" aria-label="Export log, scrollable" style={{ overflowX: 'auto', maxHeight: 420, overflowY: 'auto' }}>
      <StackedTable stackBelow="xl" aria-label="Export log" verticalSpacing={6} striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Profile</Table.Th>
            <Table.Th w={200}>Period</Table.Th>
            <Table.Th w={80} ta="right">
              Rows
            </Table.Th>
            <Table.Th w={150}>Data</Table.Th>
            <Table.Th>File and SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td data-label="When">{dayjs(e.exportedAt).format('DD/MM/YYYY HH:mm')}</Table.Td>
              <Table.Td data-label="Who">{e.memberName}</Table.Td>
              <Table.Td data-label="Profile">{e.profileName}</Table.Td>
              <Table.Td data-label="Period">
                {displayDate(e.periodStart)} to {displayDate(e.periodEnd)}
              </Table.Td>
              <Table.Td ta="right" data-label="Rows">
                {e.rows.toLocaleString('en-GB')}
              </Table.Td>
              <Table.Td data-label="Data">
                <Group gap={4}>
                  {e.identifiable ? (
                    <Tag tone="warning">Names people</Tag>
                  ) : (
                    <Tag tone="neutral">{e.profileId === MONTHLY_RETURN_ID ? 'Counts only' : 'Pseudonymised'}</Tag>
                  )}
                  {e.encrypted && <Tag tone="good">Encrypted</Tag>}
                </Group>
              </Table.Td>
              <Table.Td data-label="File and SHA-256" data-wide>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {e.fileName}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <Text size="xs" c="dimmed" ff="monospace" title={e.sha256}>
                    {e.sha256.slice(0, 16)}…
                  </Text>
                  <CopySha sha256={e.sha256} label={`Copy the SHA-256 of ${e.fileName}`} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
    </div>
  );
}
