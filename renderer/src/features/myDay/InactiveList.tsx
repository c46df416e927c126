// Open episodes with no contact for longer than the inactivity setting.
import { Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { displayDate } from '../../../../core/domain/dates';
import type { InactiveEpisode } from '../../../../core/domain/myDay';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';

export function InactiveList({ rows }: { rows: InactiveEpisode[] }) {
  const rowOpen = useRowOpen();
  return (
    <StackedTable stackBelow="xs" aria-label="Open episodes with no recent contact" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th w={120}>Last contact</Table.Th>
          <Table.Th w={110}>Weeks since</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => (
          <Table.Tr key={e.episodeId} {...rowOpen(e.personId)} style={{ cursor: 'pointer' }}>
            <Table.Td data-lead>
              <PersonLink personId={e.personId} name={e.preferredName} caseId={e.caseId} />
            </Table.Td>
            <Table.Td data-label="Last contact">
              {e.lastContactOn ? (
                displayDate(e.lastContactOn)
              ) : (
                <Text span size="sm" c="dimmed">
                  None yet
                </Text>
              )}
            </Table.Td>
            <Table.Td data-label="Weeks since">{e.weeksSince}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
