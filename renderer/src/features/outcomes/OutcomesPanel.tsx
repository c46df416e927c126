// Outcomes for one episode on the person's record: what is due, each instrument's scores over
// time with the change in words, the NHS Talking Therapies measures, and engagement with care.
// A closed episode is shown read-only, but for a follow-up 6–12 months after it ended (sustained
// change), kept apart from support's own. Self-contained: it opens its own forms.
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
import { SustainedChange } from './SustainedChange';
import { TalkingTherapies } from './TalkingTherapies';
import { displayDate, todayIso } from '../../../../core/domain/dates';

type Open = { kind: 'assessment'; instrument?: InstrumentId } | { kind: 'afterClosure' } | { kind: 'engagement' } | null;

export function OutcomesPanel({ record, episode }: { record: PersonRecord; episode: EpisodeView }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const o = episode.outcomes;
  const editable = episode.open;
  const followUpWindow = o.postClosureWindow;
  // From six months after closure; a late one may still be dated back into the window.
  const followUpOpen = !editable && !!followUpWindow && todayIso() >= followUpWindow.from;
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
          <Stack gap="xs">
            <Text size="sm" c="var(--mantine-color-text)">
              The scores here stay as they were at closure. To record more support, reopen the episode.
              {followUpWindow &&
                ` A follow-up 6 to 12 months after support ended shows whether change lasted: it can be recorded from ${displayDate(followUpWindow.from)} to ${displayDate(followUpWindow.to)}.`}
            </Text>
            {followUpOpen && (
              <Group>
                <Button size="sm" variant="default" leftSection={<IconClipboardPlus size={16} aria-hidden />} onClick={() => setOpen({ kind: 'afterClosure' })}>
                  Record a follow-up after closure
                </Button>
              </Group>
            )}
          </Stack>
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
      {o.sustained.length > 0 && <SustainedChange outcomes={o.sustained} />}
      {o.talkingTherapies && <TalkingTherapies outcome={o.talkingTherapies} />}
      <Paper component="section" withBorder p="md" aria-labelledby="engagement-heading">
        <Title order={4} id="engagement-heading" mb="xs">
          Engagement with care
        </Title>
        <EngagementReviews reviews={o.engagement} change={o.engagementChange} reEngaging={episode.reEngaging} />
      </Paper>
      {open?.kind === 'assessment' && <RecordAssessmentModal opened onClose={close} record={record} episodeId={episode.id} instrument={open.instrument} />}
      {open?.kind === 'afterClosure' && followUpWindow && <RecordAssessmentModal opened onClose={close} record={record} episodeId={episode.id} afterClosure={followUpWindow} />}
      {open?.kind === 'engagement' && <RecordEngagementModal opened onClose={close} record={record} episodeId={episode.id} />}
    </Stack>
  );
}
