// Goals whose review date has come.
import { Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { displayDate } from '../../../../core/domain/dates';
import type { GoalDue } from '../../../../core/domain/myDay';
import { TEXT } from '../../shared/contrast';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';

export function GoalsDueList({ rows, today }: { rows: GoalDue[]; today: string }) {
  const rowOpen = useRowOpen();
  return (
    <StackedTable stackBelow="xs" aria-label="Goals due for review" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="38%">Person</Table.Th>
          <Table.Th>Goal</Table.Th>
          <Table.Th w={110}>Review by</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((g) => (
          <Table.Tr key={g.goalId} {...rowOpen(g.personId)} style={{ cursor: 'pointer' }}>
            <Table.Td data-lead>
              <PersonLink personId={g.personId} name={g.preferredName} caseId={g.caseId} />
            </Table.Td>
            <Table.Td data-label="Goal">
              <Text size="sm" lineClamp={2} title={g.description}>
                {g.description}
              </Text>
            </Table.Td>
            <Table.Td data-label="Review by">
              <Text size="sm" fw={g.reviewBy < today ? 700 : undefined}>
                {displayDate(g.reviewBy)}
              </Text>
              {g.reviewBy < today && (
                <Text size="xs" fw={700} c={TEXT.warning}>
                  Past due
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
