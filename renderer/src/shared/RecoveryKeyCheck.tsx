// Proof that the recovery key was saved: retype one group of it, not the first, so a glance at
// the start of the key is not enough. Used at set-up and for a new recovery key.
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

export function RecoveryKeyCheck({
  recoveryKey,
  onBack,
  onConfirmed,
  confirmLabel,
  titleOrder = 2,
}: {
  recoveryKey: string;
  onBack: () => void;
  onConfirmed: () => void;
  confirmLabel: string;
  titleOrder?: 2 | 3;
}) {
  const groups = recoveryKey.split('-');
  const index = useMemo(() => 1 + Math.floor(Math.random() * (groups.length - 1)), [groups.length]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = () => {
    if (typed.trim().toUpperCase() === groups[index]) onConfirmed();
    else setError(`That is not group ${index + 1} of your recovery key. Check what you saved.`);
  };
  return (
    <Stack mt="lg" maw={480}>
      <Title order={titleOrder} size="h3">
        Check your saved copy
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={`Type group ${index + 1} of your recovery key`}
            description="Four characters, from the copy you saved."
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            maxLength={4}
            autoComplete="off"
            data-autofocus
          />
          <Group>
            <Button variant="default" onClick={onBack}>
              Show the key again
            </Button>
            <Button type="submit">{confirmLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
