// The recovery key shown once, with how to keep it: used at set-up and when a coordinator makes
// a new key. The person confirms they saved it before being asked to prove it (RecoveryKeyCheck).
import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { RecoveryKeyCard } from './RecoveryKeyCard';

export function RecoveryKeySave({ recoveryKey, onSaved, intro, titleOrder = 2 }: { recoveryKey: string; onSaved: () => void; intro: ReactNode; titleOrder?: 2 | 3 }) {
  return (
    <Stack mt="lg">
      <Title order={titleOrder} size="h3">
        Your recovery key
      </Title>
      <Text>{intro}</Text>
      <List size="sm" spacing={4}>
        <List.Item>Print it or write it down, and keep it locked away from this computer.</List.Item>
        <List.Item>Do not email it or keep it in a file on this computer.</List.Item>
      </List>
      <RecoveryKeyCard recoveryKey={recoveryKey} />
      <Group className="no-print">
        <Button onClick={onSaved}>I have saved my recovery key</Button>
      </Group>
    </Stack>
  );
}
