// Referrals waiting for first contact, longest wait first as the app sends them. Overdue ones
// carry the word "Overdue" and an amber edge, so the colour is never the only sign (red is kept
// for risk and safety).
import { Group, Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { pathway, referralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import type { WaitingReferral } from '../../../../core/domain/myDay';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';
import { ATTENTION } from '../../shared/contrast';
import { Tag } from '../../shared/Tag';
import { countOf } from '../../../../core/domain/plural';

export function WaitingList({ rows }: { rows: WaitingReferral[] }) {
  const rowOpen = useRowOpen();
  return (
    <StackedTable stackBelow="lg" stackColumn="8rem" aria-label="Referrals waiting for first contact" verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th w={110}>Referred</Table.Th>
          <Table.Th w={210}>Pathway</Table.Th>
          <Table.Th w={150}>Status</Table.Th>
          <Table.Th w={190}>Waited</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr
            key={r.episodeId}
            {...rowOpen(r.personId)}
            style={{ cursor: 'pointer', ...(r.overdue ? { boxShadow: `inset 4px 0 0 ${ATTENTION.edge}` } : {}) }}
            data-overdue={r.overdue || undefined}
          >
            <Table.Td data-lead>
              <PersonLink personId={r.personId} name={r.preferredName} caseId={r.caseId} />
            </Table.Td>
            <Table.Td data-label="Referred">{displayDate(r.referralReceivedOn)}</Table.Td>
            <Table.Td data-label="Pathway">
              <Text size="sm" title={pathway.label(r.pathway)}>
                {pathway.label(r.pathway)}
              </Text>
            </Table.Td>
            <Table.Td data-label="Status">
              <Text size="sm">{referralStatus.label(r.referralStatus)}</Text>
              <Text size="xs" c="dimmed">
                {r.attempts === 0 ? 'No attempts yet' : countOf(r.attempts, 'attempt')}
              </Text>
            </Table.Td>
            <Table.Td data-label="Waited">
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={r.overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {countOf(r.workingDaysWaited, 'working day')}
                </Text>
                {r.overdue && (
                  <Tag tone="warning" size="sm" style={{ flexShrink: 0 }}>
                    Overdue
                  </Tag>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
