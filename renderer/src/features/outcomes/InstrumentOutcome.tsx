// One instrument in an episode: the change since baseline in words, the scores over time as a
// chart with the bands shaded, and the table of assessments.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../../core/domain/assessment';
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import { changeSentence, type InstrumentOutcome as Outcome } from '../../../../core/domain/instruments/outcome';
import { AssessmentsTable } from './AssessmentsTable';
import { ScoreChart } from './ScoreChart';
import { chartGroups, shownScores } from './scores';

export function InstrumentOutcome({ outcome, assessments }: { outcome: Outcome; assessments: Assessment[] }) {
  const def = INSTRUMENTS[outcome.instrument];
  const scores = shownScores(def);
  const headingId = `outcome-${def.id}`;
  const mine = assessments.filter((a) => a.instrument === def.id);
  const afterClosure = mine.filter((a) => a.afterClosure).length;
  const during = outcome.count === 1 ? 'One assessment' : `${outcome.count} assessments`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={4} id={headingId}>
            {def.shortName}
          </Title>
          <Text size="sm" c="dimmed">
            {def.name}.{' '}
            {afterClosure === 0
              ? `${during} in this episode.`
              : `${during} during support, and ${afterClosure === 1 ? 'one follow-up' : `${afterClosure} follow-ups`} after it ended (marked “After closure”).`}
          </Text>
        </div>
        <Stack gap={2} data-testid={`change-${def.id}`}>
          {scores.map((s) => (
            <Text key={s.id} fw={700}>
              {changeSentence(def.id, outcome, scores.length > 1 ? s.id : undefined)}
            </Text>
          ))}
        </Stack>
        {chartGroups(def).map((g) => (
          <ScoreChart key={g.key} group={g} assessments={mine} label={def.shortName} />
        ))}
        <AssessmentsTable def={def} scores={scores} assessments={mine} />
        {mine.some((a) => a.prorated) && (
          <Text size="xs" c="dimmed">
            Pro-rated: an item was left unanswered and the score was scaled up from the others, as {def.shortName} allows.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
