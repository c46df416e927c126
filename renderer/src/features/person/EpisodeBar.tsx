// The episode of support in view (a person may have several over the years) and what can be done
// with it: log a contact and close it while open; reopen it, or start a new referral, once closed.
import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDoorExit, IconMessagePlus, IconPlus, IconRotateClockwise } from '@tabler/icons-react';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { LogContactModal } from '../contacts';
import { CloseEpisodeModal } from './CloseEpisodeModal';
import { NewReferralModal } from './NewReferralModal';
import { ReopenEpisodeModal } from './ReopenEpisodeModal';
import { useListLabels } from '../../shared/useProgrammeLists';

interface Props {
  record: PersonRecord;
  episode: EpisodeView | null;
  onSelect: (episodeId: number) => void;
}

export function episodeLabel(e: EpisodeView): string {
  return `Referred ${displayDate(e.referralReceivedOn)}: ${e.open ? 'open' : `closed ${displayDate(e.closure?.closedOn)}`}`;
}

export function EpisodeBar({ record, episode, onSelect }: Props) {
  const listLabel = useListLabels();
  const [logging, logModal] = useDisclosure(false);
  const [closing, closeModal] = useDisclosure(false);
  const [reopening, reopenModal] = useDisclosure(false);
  const [referring, referModal] = useDisclosure(false);
  const allClosed = record.episodes.every((e) => !e.open);
  // Only one episode may be open at a time: an older one reopens only when the newer is closed.
  const canReopen = episode !== null && !episode.open && allClosed;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="sm">
        <Group gap="md">
          {record.episodes.length > 1 && episode ? (
            <Select
              label="Episode of support"
              data={record.episodes.map((e) => ({ value: String(e.id), label: episodeLabel(e) }))}
              value={String(episode.id)}
              onChange={(v) => v && onSelect(Number(v))}
              allowDeselect={false}
              w={300}
            />
          ) : (
            episode && (
              <Text size="sm">
                <strong>Episode of support:</strong> {episodeLabel(episode)}
              </Text>
            )
          )}
          {episode?.closure && !episode.open && (
            <Text size="sm" c="dimmed">
              Closed: {listLabel('closure_reason', episode.closure.reason)}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          {episode?.open && (
            <>
              <Button leftSection={<IconMessagePlus aria-hidden size={18} />} onClick={logModal.open}>
                Log contact
              </Button>
              <Button variant="default" leftSection={<IconDoorExit aria-hidden size={18} />} onClick={closeModal.open}>
                Close episode
              </Button>
            </>
          )}
          {canReopen && (
            <Button variant="default" leftSection={<IconRotateClockwise aria-hidden size={18} />} onClick={reopenModal.open}>
              Reopen episode
            </Button>
          )}
          {allClosed && (
            <Button variant={episode ? 'default' : 'filled'} leftSection={<IconPlus aria-hidden size={18} />} onClick={referModal.open}>
              New referral
            </Button>
          )}
        </Group>
      </Group>
      {episode && (
        <>
          <LogContactModal opened={logging} onClose={logModal.close} personId={record.id} episodeId={episode.id} />
          <CloseEpisodeModal opened={closing} onClose={closeModal.close} personId={record.id} episode={episode} record={record} />
          <ReopenEpisodeModal opened={reopening} onClose={reopenModal.close} personId={record.id} episode={episode} />
        </>
      )}
      <NewReferralModal opened={referring} onClose={referModal.close} personId={record.id} onSaved={(r) => r.episodes[0] && onSelect(r.episodes[0].id)} />
    </Paper>
  );
}
