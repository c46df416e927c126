// The unlocked app: header with who and where, navigation, and the current screen.
import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconLock, IconSettings, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { WorkspaceStatus } from '../../../core/domain/workspace';
import { useAutoLock } from '../hooks/useAutoLock';
import { lockNow } from '../session';
import { CaseloadScreen } from './CaseloadScreen';
import { SettingsScreen } from './SettingsScreen';

type Screen = 'caseload' | 'settings';

export function Workspace({ status }: { status: WorkspaceStatus }) {
  const queryClient = useQueryClient();
  const [screen, setScreen] = useState<Screen>('caseload');
  useAutoLock(status.idleLockMinutes ?? 5);
  const lock = () => void lockNow(queryClient);
  useHotkeys([['mod+L', lock]]);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={1} size="h4" lineClamp={1}>
              {status.organisation}
            </Title>
            <Text size="xs" c="dimmed" lineClamp={1}>
              Signed in as {status.memberName}
            </Text>
          </Stack>
          <Button variant="default" leftSection={<IconLock size={16} />} onClick={lock} title="Lock (Ctrl+L)">
            Lock
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <NavLink
          component="button"
          label="Caseload"
          leftSection={<IconUsers size={18} />}
          active={screen === 'caseload'}
          aria-current={screen === 'caseload' ? 'page' : undefined}
          onClick={() => setScreen('caseload')}
        />
        <NavLink
          component="button"
          label="Settings"
          leftSection={<IconSettings size={18} />}
          active={screen === 'settings'}
          aria-current={screen === 'settings' ? 'page' : undefined}
          onClick={() => setScreen('settings')}
        />
      </AppShell.Navbar>
      <AppShell.Main>{screen === 'caseload' ? <CaseloadScreen /> : <SettingsScreen />}</AppShell.Main>
    </AppShell>
  );
}
