// The score as it stands while the questions are answered, so the worker sees the band before
// saving; and how many questions are still to answer until it can be scored.
import { Group, Text } from '@mantine/core';
import { bandFor, itemNumbers, listInWords, scoreAssessment } from '../../../../core/domain/instruments/scoring';
import type { InstrumentDefinition } from '../../../../core/domain/instruments/types';
import { Tag } from '../../shared/Tag';
import type { Answers } from './assessmentForm';
import { formatScore, shownScores } from './scores';
import { countOf } from '../../../../core/domain/plural';

/** What stands between the answers so far and a score. */
function stillNeeded(def: InstrumentDefinition, missing: string[]): string {
  const required = (def.requiredItems ?? []).filter((id) => missing.includes(id));
  if (required.length > 0) return `Answer item ${listInWords(itemNumbers(def, required))} to see the score: it must always be asked.`;
  const more = missing.length - def.maxMissing;
  return `Answer ${countOf(more, 'more question', 'more questions')} to see the score.`;
}

export function LiveScore({ def, answers }: { def: InstrumentDefinition; answers: Answers }) {
  const answered = def.items.filter((i) => answers[i.id] != null).length;
  const result = scoreAssessment(def, answers);
  return (
    <Group gap="md" role="status" aria-live="polite" aria-atomic="true" data-testid="live-score" wrap="wrap">
      {result.ok ? (
        shownScores(def).map((s) => {
          const value = result.value.scores[s.id];
          return (
            <Text key={s.id} fw={700}>
              {s.label}: {formatScore(value)} ({bandFor(s, value)?.label ?? 'no band'})
            </Text>
          );
        })
      ) : (
        <Text fw={600}>{stillNeeded(def, result.missing)}</Text>
      )}
      {result.ok && result.value.prorated && <Tag tone="neutral">Pro-rated: {def.items.length - answered} unanswered</Tag>}
      <Text size="sm" c="dimmed">
        {answered} of {def.items.length} answered
      </Text>
    </Group>
  );
}
