// Open risk flags: shown first on My day and in red, with words, until each is resolved.
import { Table, Text } from '@mantine/core';
import { displayDate } from '../../../../core/domain/dates';
import type { OpenRisk } from '../../../../core/domain/myDay';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';
import { Tag } from '../../shared/Tag';

export function RisksList({ rows }: { rows: OpenRisk[] }) {
  const rowOpen = useRowOpen();
  return (
    <Table aria-label="Open risk flags" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Person</Table.Th>
          <Table.Th>Risk</Table.Th>
          <Table.Th w={110}>Raised</Table.Th>
          <Table.Th w={220}>Clinical team</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.riskId} {...rowOpen(r.personId)} style={{ cursor: 'pointer' }}>
            <Table.Td>
              <PersonLink personId={r.personId} name={r.preferredName} caseId={r.caseId} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} title={r.description}>
                {r.description}
              </Text>
            </Table.Td>
            <Table.Td>{displayDate(r.raisedOn)}</Table.Td>
            <Table.Td>
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
    </Table>
  );
}
