// The signed-in member's own sign-in: who they are here, what their role allows, and their passphrase.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLockPassword } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../../core/domain/roles';
import { useSignedIn } from '../../shared/access';

// The passphrase policy's dictionaries (zxcvbn, ~250 kB gzipped) load only when this dialog opens.
const ChangePassphraseModal = lazy(() => import('./ChangePassphraseModal').then((m) => ({ default: m.ChangePassphraseModal })));

export function YourSignInPanel() {
  const { name, role } = useSignedIn();
  const [changing, setChanging] = useState(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sign-in-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="sign-in-title">
          Your sign-in
        </Title>
        <Text>
          {name}, {ROLE_LABELS[role].toLowerCase()}
        </Text>
        <Text size="sm" c="dimmed">
          {ROLE_DESCRIPTIONS[role]}
        </Text>
        <Group mt="xs">
          <Button variant="default" leftSection={<IconLockPassword size={16} aria-hidden />} onClick={() => setChanging(true)}>
            Change my passphrase
          </Button>
        </Group>
      </Stack>
      {changing && (
        <Suspense fallback={null}>
          <ChangePassphraseModal onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </Paper>
  );
}
