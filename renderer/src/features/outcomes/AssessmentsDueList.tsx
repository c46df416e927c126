// My day's list of outcome assessments due: who, which instrument, since when. A row opens the
// person's record at Outcomes; the name is the keyboard's way in.
import { Anchor, Table, Text } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { displayDate } from '../../../../core/domain/dates';
import type { MyDay } from '../../../../core/domain/myDay';
import { Tag } from '../../shared/Tag';
import { useNavigation } from '../../shared/navigation';
import { dueKind, instrumentName } from './labels';

export function AssessmentsDueList({ items, total }: { items: MyDay['assessmentsDue']; total: number }) {
  const { go } = useNavigation();
  const open = (personId: number) => go({ name: 'person', personId, tab: 'outcomes' });
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No assessments are due. Baselines fall due at first contact, and follow-ups at the interval set in Settings.
      </Text>
    );
  }
  const rest = total - items.length;
  return (
    <>
      <StackedTable stackBelow="xs" aria-label="Assessments due" verticalSpacing={6} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">Person</Table.Th>
            <Table.Th>Assessment</Table.Th>
            <Table.Th w={110}>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={`${a.episodeId}-${a.instrument}`} onClick={() => open(a.personId)} style={{ cursor: 'pointer' }}>
              <Table.Td data-lead>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  size="sm"
                  ta="left"
                  title={a.preferredName}
                  onClick={(e) => {
                    // The row opens the record too; one navigation is enough.
                    e.stopPropagation();
                    open(a.personId);
                  }}
                  style={{ display: 'block', maxWidth: '100%', overflowWrap: 'break-word' }}
                >
                  {a.preferredName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {a.caseId}
                </Text>
              </Table.Td>
              <Table.Td data-label="Assessment">
                <Text size="sm">
                  {instrumentName(a.instrument)} {dueKind(a.kind)}
                </Text>
              </Table.Td>
              <Table.Td data-label="Due">
                <Text size="sm" fw={a.overdue ? 700 : undefined}>
                  {displayDate(a.dueOn)}
                </Text>
                {a.overdue && (
                  <Tag tone="warning" size="sm">
                    Overdue
                  </Tag>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
      {rest > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          and {rest.toLocaleString('en-GB')} more not shown here
        </Text>
      )}
    </>
  );
}
