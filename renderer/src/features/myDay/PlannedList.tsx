// Planned contacts: today's, and earlier ones still without an outcome. "Log outcome" records
// what happened without leaving My day.
import { Button, Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { IconClipboardCheck } from '@tabler/icons-react';
import { displayDate } from '../../../../core/domain/dates';
import type { PlannedContact } from '../../../../core/domain/myDay';
import { PersonLink, useRowOpen } from '../../shared/PersonLink';
import { useListLabels } from '../../shared/useProgrammeLists';

interface Props {
  rows: PlannedContact[];
  label: string;
  /** Earlier days show the date; today's list shows only the time. */
  showDate: boolean;
  onLogOutcome: (contact: PlannedContact) => void;
}

export function PlannedList({ rows, label, showDate, onLogOutcome }: Props) {
  const listLabel = useListLabels();
  const rowOpen = useRowOpen();
  return (
    <StackedTable stackBelow="xs" aria-label={label} verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th w={145}>When</Table.Th>
          <Table.Th w={145}>Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.contactId} {...rowOpen(c.personId)} style={{ cursor: 'pointer' }}>
            <Table.Td data-lead>
              <PersonLink personId={c.personId} name={c.preferredName} caseId={c.caseId} />
            </Table.Td>
            <Table.Td data-label="When">
              <Text size="sm">{[showDate ? displayDate(c.contactOn) : null, c.startTime ?? (showDate ? null : 'No time set')].filter(Boolean).join(', ')}</Text>
              <Text size="xs" c="dimmed">
                {/* Most contacts are 1-to-1: name the type only when it is something else. */}
                {c.type === 'one_to_one' ? listLabel('contact_mode', c.mode) : `${listLabel('contact_mode', c.mode)}, ${listLabel('contact_type', c.type).toLowerCase()}`}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconClipboardCheck aria-hidden size={14} />}
                aria-label={`Log outcome for ${c.preferredName}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onLogOutcome(c);
                }}
              >
                Log outcome
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
