// Said once, at the sign-in after a coordinator's passphrase was reset with the recovery key: if
// it was not them (or someone they asked), someone else holds the recovery key.
import { Alert, CloseButton, Group, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';

export function PassphraseResetNotice({ resetAt }: { resetAt?: string }) {
  const [dismissed, setDismissed] = useState(false);
  if (!resetAt || dismissed) return null;
  return (
    <Alert color="yellow" variant="light" role="alert" mb="md" title="Your passphrase was reset with the recovery key">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dark.8">
          This happened on {dayjs(resetAt).format('DD/MM/YYYY')} at {dayjs(resetAt).format('HH:mm')}. If it was not you, or someone you asked, tell another coordinator now and make a new
          recovery key in Settings.
        </Text>
        <CloseButton aria-label="Dismiss this message" onClick={() => setDismissed(true)} />
      </Group>
    </Alert>
  );
}
