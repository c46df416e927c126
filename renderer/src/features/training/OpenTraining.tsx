// "Open a training caseload": made-up people in a caseload of its own, opened without a
// passphrase from the set-up or lock screen. Locking it comes back here.
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconSchool } from '@tabler/icons-react';
import { call, errorMessage } from '../../shared/api';
import { showUnlocked } from '../../shared/session';

export function OpenTraining({ as = 'button' }: { as?: 'button' | 'link' }) {
  const queryClient = useQueryClient();
  const open = useMutation({ mutationFn: () => call('training.open', {}), onSuccess: (status) => showUnlocked(queryClient, status) });
  const hint = 'Made-up people, for learning the app. Nothing done there touches a real caseload.';
  return (
    <Stack gap={4} align="flex-start">
      {as === 'link' ? (
        <Anchor component="button" type="button" size="sm" onClick={() => open.mutate()} disabled={open.isPending} aria-describedby="training-hint">
          {open.isPending ? 'Opening the training caseload…' : 'Open a training caseload'}
        </Anchor>
      ) : (
        <Button variant="default" leftSection={<IconSchool size={16} aria-hidden />} onClick={() => open.mutate()} loading={open.isPending} aria-describedby="training-hint">
          Open a training caseload
        </Button>
      )}
      <Text size="xs" c="dimmed" id="training-hint">
        {hint}
      </Text>
      {open.isError && (
        <Alert color="red" role="alert" title="The training caseload did not open">
          {errorMessage(open.error)}
        </Alert>
      )}
    </Stack>
  );
}
