// Open risk flags: shown first on My day and in red, with words, until each is resolved.
import { Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { displayDate } from '../../../../core/domain/dates';
import type { OpenRisk } from '../../../../core/domain/myDay';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';
import { Tag } from '../../shared/Tag';

export function RisksList({ rows }: { rows: OpenRisk[] }) {
  const rowOpen = useRowOpen();
  return (
    // Columns while the person's name has room beside the risk; below that, stacked rows.
    <StackedTable stackBelow="md" aria-label="Open risk flags" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Person</Table.Th>
          <Table.Th>Risk</Table.Th>
          <Table.Th w={110}>Raised</Table.Th>
          <Table.Th w={160}>Clinical team</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.riskId} {...rowOpen(r.personId)} style={{ cursor: 'pointer' }}>
            <Table.Td data-lead>
              <PersonLink personId={r.personId} name={r.preferredName} caseId={r.caseId} />
            </Table.Td>
            <Table.Td data-label="Risk" data-wide>
              <Text size="sm" lineClamp={2} title={r.description}>
                {r.description}
              </Text>
            </Table.Td>
            <Table.Td data-label="Raised">{displayDate(r.raisedOn)}</Table.Td>
            <Table.Td data-label="Clinical team">
              {r.escalated ? (
                <Text size="sm">Escalated</Text>
              ) : (
                <Tag tone="warning" size="sm">
                  Not escalated yet
                </Tag>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
