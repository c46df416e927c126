// The questions of one instrument, answered with the mouse or from the keyboard (digits choose
// and move on; see digitEntry.ts). The hint under the stem says how, for this scale.
import { Alert, Stack, Text } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useCallback, type RefObject } from 'react';
import type { InstrumentDefinition } from '../../../../core/domain/instruments/types';
import { itemErrorKey, type Answers } from './assessmentForm';
import { useDigitEntry } from './digitEntry';
import { ItemQuestion } from './ItemQuestion';

interface Props {
  def: InstrumentDefinition;
  answers: Answers;
  errors: FormErrors;
  choose: (itemId: string, value: number) => void;
  formRef: RefObject<HTMLFormElement | null>;
}

const DOMAIN_LABELS: Record<string, string> = { health: 'health concerns', psychological: 'psychological', social: 'social', functional: 'functional' };

export function AssessmentQuestions({ def, answers, errors, choose, formRef }: Props) {
  const optionsFor = useCallback((index: number) => def.items[index]?.options ?? def.options, [def]);
  const focusQuestion = useCallback(
    (index: number) => {
      const root = formRef.current;
      const group = root?.querySelector(`[data-question="${index}"]`);
      // Tabbing into a radio group lands on its chosen answer; do the same.
      const target = group ? (group.querySelector<HTMLElement>('input[type="radio"]:checked') ?? group.querySelector<HTMLElement>('input[type="radio"]')) : root?.querySelector<HTMLElement>('[data-after-questions]');
      target?.focus();
    },
    [formRef],
  );
  const onKeyDown = useDigitEntry({
    count: def.items.length,
    valuesFor: useCallback((index: number) => optionsFor(index).map((o) => o.value), [optionsFor]),
    choose: useCallback((index: number, value: number) => choose(def.items[index].id, value), [choose, def]),
    focusQuestion,
  });
  const values = def.options.map((o) => o.value);
  const twoDigits = Math.max(...values) >= 10;
  const wordingHidden = def.items.some((i) => i.text === null);
  return (
    <Stack gap="md">
      <Text fw={600}>{def.stem}</Text>
      {wordingHidden && (
        <Alert color="gray" variant="light">
          <Text size="sm" c="var(--mantine-color-text)">
            The wording of these questions is not shown here: read each one from your licensed {def.shortName} form, and record the answer given.
          </Text>
        </Alert>
      )}
      <Text size="sm" c="dimmed" id={`${def.id}-keys`}>
        From the keyboard: type an answer’s number ({Math.min(...values)} to {Math.max(...values)}) to choose it and move to the next question.
        {twoDigits ? ' For 10, type 1 then 0: after a 1 the form waits a moment for a 0 before moving on.' : ''} Arrow keys change an
        answer; Tab moves on without choosing.
      </Text>
      {def.items.map((item, index) => (
        <ItemQuestion
          key={`${def.id}-${item.id}`}
          item={item}
          number={index + 1}
          options={optionsFor(index)}
          value={answers[item.id]}
          onChange={(v) => choose(item.id, v)}
          onKeyDown={onKeyDown(index)}
          error={errors[itemErrorKey(def.id, item.id)]}
          path={itemErrorKey(def.id, item.id)}
          domainLabel={item.domain ? DOMAIN_LABELS[item.domain] : undefined}
        />
      ))}
    </Stack>
  );
}
