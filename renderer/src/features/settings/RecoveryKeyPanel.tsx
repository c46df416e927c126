// The recovery key (coordinators only): a new one replaces the old, which stops working at once.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { NewRecoveryKeyModal } from './NewRecoveryKeyModal';

export function RecoveryKeyPanel() {
  const [making, setMaking] = useState(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="recovery-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="recovery-title">
          Recovery key
        </Title>
        <Text size="sm">The recovery key opens the caseload when a coordinator forgets their passphrase. Make a new one if it has been lost, or someone else may have seen it.</Text>
        <Group mt="xs">
          <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setMaking(true)}>
            Make a new recovery key
          </Button>
        </Group>
      </Stack>
      {making && <NewRecoveryKeyModal onClose={() => setMaking(false)} />}
    </Paper>
  );
}
