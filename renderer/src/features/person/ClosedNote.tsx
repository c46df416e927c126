// Said at the top of every part of a closed episode, so nobody wonders where the buttons went.
import { Alert, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView } from '../../../../core/domain/record';
import { usePerson } from './usePerson';
import { useListLabels } from '../../shared/useProgrammeLists';

export function ClosedNote({ episode }: { episode: EpisodeView }) {
  const listLabel = useListLabels();
  // The record is already cached by the screen; this only reads it.
  const person = usePerson(episode.personId);
  if (episode.open) return null;
  const newerOpen = person.data?.episodes.some((e) => e.open) ?? false;
  const c = episode.closure;
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} title="This episode is closed and read-only" mb="md">
      <Text size="sm" c="var(--mantine-color-text)">
        {c ? `Closed on ${displayDate(c.closedOn)} by ${c.createdByName}: ${listLabel('closure_reason', c.reason)}. ` : ''}
        {newerOpen ? 'A newer episode is open: choose it above to record anything new.' : 'To record anything new, reopen it with “Reopen episode” above.'}
      </Text>
      {c?.summary && (
        <Text size="sm" mt="xs" c="var(--mantine-color-text)" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <strong>Closing summary:</strong> {c.summary}
        </Text>
      )}
    </Alert>
  );
}
