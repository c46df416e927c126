// Outcomes for one episode on the person's record: what is due, each instrument's scores over
// time with the change in words, the NHS Talking Therapies measures, and engagement with care.
// A closed episode is shown read-only. Self-contained: it opens its own forms.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardPlus, IconLock, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { DueAssessments } from './DueAssessments';
import { EngagementReviews } from './EngagementReviews';
import { InstrumentOutcome } from './InstrumentOutcome';
import { RecordAssessmentModal } from './RecordAssessmentModal';
import { RecordEngagementModal } from './RecordEngagementModal';
import { TalkingTherapies } from './TalkingTherapies';

type Open = { kind: 'assessment'; instrument?: InstrumentId } | { kind: 'engagement' } | null;

export function OutcomesPanel({ record, episode }: { record: PersonRecord; episode: EpisodeView }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const o = episode.outcomes;
  const editable = episode.open;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h4" id="outcomes-heading">
          Outcomes
        </Title>
        {editable && (
          <Group gap="xs">
            <Button leftSection={<IconClipboardPlus size={16} aria-hidden />} onClick={() => setOpen({ kind: 'assessment' })}>
              Record assessment
            </Button>
            <Button variant="default" leftSection={<IconStethoscope size={16} aria-hidden />} onClick={() => setOpen({ kind: 'engagement' })}>
              Record engagement review
            </Button>
          </Group>
        )}
      </Group>
      {!editable && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} title="Read-only: this episode is closed">
          <Text size="sm" c="var(--mantine-color-text)">
            Assessments and reviews cannot be added to a closed episode, so the scores here stay as they were at closure. To record more, reopen the episode.
          </Text>
        </Alert>
      )}
      <DueAssessments due={o.due} onRecord={editable ? (instrument) => setOpen({ kind: 'assessment', instrument }) : undefined} />
      {o.outcomes.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            No assessments in this episode yet.{editable ? ' Record a baseline near the start of support, then follow-ups, to see the change over time.' : ''}
          </Text>
        </Paper>
      ) : (
        o.outcomes.map((outcome) => <InstrumentOutcome key={outcome.instrument} outcome={outcome} assessments={o.assessments} />)
      )}
      {o.talkingTherapies && <TalkingTherapies outcome={o.talkingTherapies} />}
      <Paper component="section" withBorder p="md" aria-labelledby="engagement-heading">
        <Title order={4} id="engagement-heading" mb="xs">
          Engagement with care
        </Title>
        <EngagementReviews reviews={o.engagement} change={o.engagementChange} reEngaging={episode.reEngaging} />
      </Paper>
      {open?.kind === 'assessment' && <RecordAssessmentModal opened onClose={close} record={record} episodeId={episode.id} instrument={open.instrument} />}
      {open?.kind === 'engagement' && <RecordEngagementModal opened onClose={close} record={record} episodeId={episode.id} />}
    </Stack>
  );
}
