// A passphrase input with a strength bar and the policy's own words under it.
import { PasswordInput, Progress, Stack, Text, type PasswordInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { checkPassphrase, suggestPassphrase } from '../../../core/domain/passphrase';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];
const COLOURS = ['red', 'red', 'orange', 'teal', 'green'];

export function PassphraseField(props: PasswordInputProps) {
  const value = typeof props.value === 'string' ? props.value : '';
  const check = useMemo(() => checkPassphrase(value), [value]);
  // An example, not a choice made for them: a passphrase someone picked is one they remember.
  const example = useMemo(() => suggestPassphrase((max) => crypto.getRandomValues(new Uint32Array(1))[0] % max), []);
  const hintId = `${props.id ?? 'passphrase'}-strength`;
  return (
    <Stack gap={6}>
      <PasswordInput {...props} aria-describedby={hintId} />
      <Progress value={value ? (check.score + 1) * 20 : 0} color={COLOURS[check.score]} size="sm" aria-hidden />
      <Text id={hintId} size="sm" c="dimmed" aria-live="polite">
        {value ? `Strength: ${LABELS[check.score]}.` : ''} At least 12 characters. Three random words are strong and easy to remember, for example “{example}”.
      </Text>
    </Stack>
  );
}
