// Assessments are taken at closure too: before an episode closes, say which instruments have no
// recent score, and offer to record one, so the episode's outcome is its true end point.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { useInstruments } from './queries';
import { RecordAssessmentModal } from './RecordAssessmentModal';

/** An assessment within this many days counts as the closing one. */
export const CLOSING_WINDOW_DAYS = 28;

export function ClosingAssessmentReminder({ record, episode, today }: { record: PersonRecord; episode: EpisodeView; today: string }) {
  const instruments = useInstruments();
  const [recording, setRecording] = useState<InstrumentId | null>(null);
  const cutoff = new Date(Date.parse(today) - CLOSING_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const missing = (instruments.data ?? [])
    .filter((i) => i.enabled)
    .map((i) => ({ instrument: i, last: episode.outcomes.assessments.filter((a) => a.instrument === i.id).map((a) => a.completedOn).sort().at(-1) ?? null }))
    .filter((m) => !m.last || m.last < cutoff);
  if (missing.length === 0) return null;
  return (
    <Alert color="blue" title="Closing assessment" variant="light">
      <Text size="sm" mb="xs">
        Outcomes compare the first score with the last. These have no score in the last {CLOSING_WINDOW_DAYS} days:
      </Text>
      <Group gap="xs">
        {missing.map(({ instrument, last }) => (
          <Button key={instrument.id} size="xs" variant="default" onClick={() => setRecording(instrument.id)}>
            Record {instrument.shortName}
            {last ? ` (last ${displayDate(last)})` : ' (none yet)'}
          </Button>
        ))}
      </Group>
      {recording && <RecordAssessmentModal opened onClose={() => setRecording(null)} record={record} episodeId={episode.id} instrument={recording} />}
    </Alert>
  );
}
