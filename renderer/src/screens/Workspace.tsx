// The unlocked app: header with who and where, navigation, and the current screen.
import { AppShell, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconChartBar, IconFileExport, IconListSearch, IconLock, IconSettings, IconSun, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceStatus } from '../../../core/domain/workspace';
import { useAutoLock } from '../hooks/useAutoLock';
import { NavigationContext, type Route } from '../navigation';
import { lockNow } from '../session';
import { CaseloadScreen } from './CaseloadScreen';
import { GroupsScreen } from './GroupsScreen';
import { MyDayScreen } from './MyDayScreen';
import { SettingsScreen } from './SettingsScreen';

// The chart-heavy screens load when first opened, so unlocking and My day stay quick.
const PersonScreen = lazy(() => import('./person/PersonScreen').then((m) => ({ default: m.PersonScreen })));
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ExportScreen = lazy(() => import('./exports/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const AuditScreen = lazy(() => import('./audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));

const NAV: { name: Route['name']; label: string; icon: ReactNode }[] = [
  { name: 'myDay', label: 'My day', icon: <IconSun size={18} /> },
  { name: 'caseload', label: 'Caseload', icon: <IconUsers size={18} /> },
  { name: 'groups', label: 'Groups', icon: <IconUsersGroup size={18} /> },
  { name: 'reports', label: 'Reports', icon: <IconChartBar size={18} /> },
  { name: 'export', label: 'Export', icon: <IconFileExport size={18} /> },
  // For coordinators (once roles exist): who viewed or changed what.
  { name: 'audit', label: 'Audit log', icon: <IconListSearch size={18} /> },
  { name: 'settings', label: 'Settings', icon: <IconSettings size={18} /> },
];

export function Workspace({ status }: { status: WorkspaceStatus }) {
  const queryClient = useQueryClient();
  const [route, setRoute] = useState<Route>({ name: 'myDay' });
  const navigation = useMemo(() => ({ route, go: setRoute }), [route]);
  useAutoLock(status.idleLockMinutes ?? 5);
  const lock = () => void lockNow(queryClient);
  useHotkeys([['mod+L', lock]]);
  // A person's record belongs under Caseload in the navigation.
  const section = route.name === 'person' ? 'caseload' : route.name;
  return (
    <NavigationContext.Provider value={navigation}>
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
          {NAV.map((item) => (
            <NavLink
              key={item.name}
              component="button"
              label={item.label}
              leftSection={item.icon}
              active={section === item.name}
              aria-current={section === item.name ? 'page' : undefined}
              onClick={() => setRoute({ name: item.name } as Route)}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Opening" />
              </Center>
            }
          >
            <CurrentScreen route={route} />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </NavigationContext.Provider>
  );
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'myDay':
      return <MyDayScreen />;
    case 'caseload':
      // A new set of filters (from a My day link) starts the caseload afresh.
      return <CaseloadScreen key={JSON.stringify(route.filters ?? {})} initialFilters={route.filters} />;
    case 'person':
      return <PersonScreen key={route.personId} personId={route.personId} />;
    case 'groups':
      return <GroupsScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'export':
      return <ExportScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
