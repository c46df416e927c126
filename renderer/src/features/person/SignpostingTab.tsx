// Signposting and onward referrals to other services, and whether the person got there.
import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { signpostingOutcome } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView } from '../../../../core/domain/record';
import type { Signposting } from '../../../../core/domain/signposting';
import { Tag } from '../../shared/Tag';
import { ClosedNote } from './ClosedNote';
import { SignpostingModal } from './SignpostingModal';
import { SignpostingOutcomeModal } from './SignpostingOutcomeModal';
import { statusTone } from './tones';
import { StackedTable } from '../../shared/StackedTable';
import { useListLabels } from '../../shared/useProgrammeLists';

export function SignpostingTab({ personId, episode }: { personId: number; episode: EpisodeView }) {
  const listLabel = useListLabels();
  const [adding, setAdding] = useState(false);
  const [updating, setUpdating] = useState<Signposting | null>(null);
  const rows = [...episode.signposting].sort((a, b) => (a.madeOn === b.madeOn ? b.id - a.id : a.madeOn < b.madeOn ? 1 : -1));
  return (
    <Stack gap="sm">
      <ClosedNote episode={episode} />
      <Group justify="space-between">
        <Title order={3} size="h4" id="signposting-heading">
          Signposting and onward referrals
        </Title>
        {episode.open && (
          <Button leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setAdding(true)}>
            Add signposting
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing recorded yet.
        </Text>
      ) : (
        <StackedTable stackBelow="lg" aria-labelledby="signposting-heading" striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th w={170}>Service</Table.Th>
              <Table.Th>Organisation and note</Table.Th>
              <Table.Th w={190}>Outcome</Table.Th>
              {episode.open && (
                <Table.Th w={150}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td data-label="Date">{displayDate(s.madeOn)}</Table.Td>
                <Table.Td data-label="Service" id={`signposting-${s.id}`}>
                  {listLabel('signposting_category', s.serviceType)}
                </Table.Td>
                <Table.Td data-label="Organisation and note" data-wide style={{ overflowWrap: 'anywhere' }}>
                  {s.organisation && <Text size="sm" fw={600}>{s.organisation}</Text>}
                  {s.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {s.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label="Outcome">
                  <Tag tone={statusTone(s.outcome)}>{signpostingOutcome.label(s.outcome)}</Tag>
                </Table.Td>
                {episode.open && (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setUpdating(s)} aria-describedby={`signposting-${s.id}`}>
                      Update outcome
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      {adding && <SignpostingModal onClose={() => setAdding(false)} personId={personId} episodeId={episode.id} />}
      {updating && <SignpostingOutcomeModal onClose={() => setUpdating(null)} personId={personId} signposting={updating} />}
    </Stack>
  );
}
