// The unlocked app: header with who and where, navigation, and the current screen.
import { AppShell, Burger, Button, Center, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconChartBar, IconFileExport, IconFiles, IconListSearch, IconLock, IconSettings, IconSun, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { WorkspaceStatus } from '../../../../core/domain/workspace';
import { useAutoLock } from './useAutoLock';
import { ROLE_LABELS } from '../../../../core/domain/roles';
import { SignedInContext } from '../../shared/access';
import { NavigationContext, type Route } from '../../shared/navigation';
import { ArrivalContext, focusScreenTitle } from '../../shared/ScreenTitle';
import { lockNow } from '../../shared/session';
import classes from './Workspace.module.css';
import { PassphraseResetNotice } from './PassphraseResetNotice';
import { CaseloadScreen } from '../caseload/CaseloadScreen';
import { CaseloadViewContext, type CaseloadView } from '../caseload/rememberedView';
import { GroupsScreen } from '../groups/GroupsScreen';
import { MyDayScreen } from '../myDay/MyDayScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { TRAINING_BANNER_HEIGHT, TrainingBanner } from '../training/TrainingBanner';

// The chart-heavy screens load when first opened, so unlocking and My day stay quick.
const PersonScreen = lazy(() => import('../person/PersonScreen').then((m) => ({ default: m.PersonScreen })));
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ExportScreen = lazy(() => import('../exports/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const CombineScreen = lazy(() => import('../exports/CombineScreen').then((m) => ({ default: m.CombineScreen })));
const ImportScreen = lazy(() => import('../imports/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));

// Each screen, with the method it stands on: a role that cannot call it does not see the screen.
const NAV: { name: Route['name']; label: string; icon: ReactNode; needs: string }[] = [
  { name: 'myDay', label: 'My day', icon: <IconSun aria-hidden size={18} />, needs: 'myDay.get' },
  { name: 'caseload', label: 'Caseload', icon: <IconUsers aria-hidden size={18} />, needs: 'people.list' },
  { name: 'groups', label: 'Groups', icon: <IconUsersGroup aria-hidden size={18} />, needs: 'groups.list' },
  { name: 'reports', label: 'Reports', icon: <IconChartBar aria-hidden size={18} />, needs: 'reports.monthly' },
  { name: 'export', label: 'Export', icon: <IconFileExport aria-hidden size={18} />, needs: 'exports.run' },
  // Several PCs' returns made one: for coordinators.
  { name: 'combine', label: 'Combine returns', icon: <IconFiles aria-hidden size={18} />, needs: 'returns.combine' },
  // Who viewed or changed what: for coordinators.
  { name: 'audit', label: 'Audit log', icon: <IconListSearch aria-hidden size={18} />, needs: 'audit.list' },
  { name: 'settings', label: 'Settings', icon: <IconSettings aria-hidden size={18} />, needs: 'session.changePassphrase' },
];

/**
 * Below this width (CSS px, so 1536 px at 200% or 1280 px at 167%) the side menu gives its 220 px
 * to the screen and folds behind a menu button. Mantine's AppShell writes the same media query.
 */
const MENU_FOLDS_BELOW = 767;
const NARROW = `(max-width: ${MENU_FOLDS_BELOW / 16}em)`;

/** The sections a member may open. */
function sectionsFor(allowed: ReadonlySet<string>) {
  return NAV.filter((item) => allowed.has(item.needs));
}

export function Workspace({ status }: { status: WorkspaceStatus }) {
  const queryClient = useQueryClient();
  const role = status.role ?? 'reporting';
  const allowedList = status.allowed;
  const allowed = useMemo(() => new Set(allowedList ?? []), [allowedList]);
  const sections = useMemo(() => sectionsFor(allowed), [allowed]);
  const [chosen, setRoute] = useState<Route>({ name: sections[0].name } as Route);
  // A role changed under the screen (a coordinator stepping down) falls back to its first section.
  const route = useMemo<Route>(() => {
    const chosenSection = chosen.name === 'person' || chosen.name === 'import' ? 'caseload' : chosen.name;
    return sections.some((s) => s.name === chosenSection) ? chosen : ({ name: sections[0].name } as Route);
  }, [chosen, sections]);
  // Narrow windows: the menu opens over the screen from its button and closes on a choice.
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const [menuOpened, menu] = useDisclosure(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLDivElement>(null);
  // Focus goes to the next screen's heading once it is there (see shared/ScreenTitle.tsx); the
  // first screen after unlocking too, since the unlock form that had focus is gone.
  const arriving = useRef(true);
  const go = useCallback(
    (next: Route) => {
      arriving.current = true;
      menu.close();
      setRoute(next);
    },
    [menu],
  );
  useEffect(() => {
    // A screen whose heading was already on show (the same screen chosen again) gets focus here;
    // one still loading takes it when its heading mounts.
    focusScreenTitle(arriving);
  }, [route]);
  useEffect(() => {
    // Opened: focus on the current section (or the first), so the keyboard is in the menu.
    const nav = navRef.current;
    if (menuOpened) (nav?.querySelector<HTMLElement>('[aria-current="page"]') ?? nav?.querySelector<HTMLElement>('button'))?.focus();
  }, [menuOpened]);
  const closeMenu = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpened) return;
    menu.close();
    menuButton.current?.focus();
  };
  const navigation = useMemo(() => ({ route, go }), [route, go]);
  // The caseload as last left, for this session only (see caseload/rememberedView.ts).
  const caseloadView = useRef<CaseloadView | null>(null);
  const signedIn = useMemo(() => ({ name: status.memberName ?? '', role, allowed }), [status.memberName, role, allowed]);
  useAutoLock(status.idleLockMinutes ?? 5);
  const lock = () => void lockNow(queryClient);
  useHotkeys([['mod+L', lock]]);
  // A person's record belongs under Caseload in the navigation.
  const section = route.name === 'person' || route.name === 'import' ? 'caseload' : route.name;
  return (
    <SignedInContext.Provider value={signedIn}>
      <NavigationContext.Provider value={navigation}>
        <CaseloadViewContext.Provider value={caseloadView}>
          <ArrivalContext.Provider value={arriving}>
            <AppShell
              header={{ height: 60 + (status.training ? TRAINING_BANNER_HEIGHT : 0) }}
              navbar={{ width: 220, breakpoint: MENU_FOLDS_BELOW, collapsed: { mobile: !menuOpened } }}
              padding={{ base: 'sm', sm: 'lg' }}
              onKeyDown={closeMenu}
            >
              <AppShell.Header>
                {status.training && (
                  <TrainingBanner
                    onReset={() => {
                      // Fresh made-up people: start again from the first screen with no remembered search.
                      caseloadView.current = null;
                      go({ name: sections[0].name } as Route);
                    }}
                  />
                )}
                <Group h={60} px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
                  {narrow && (
                    <Burger
                      ref={menuButton}
                      opened={menuOpened}
                      onClick={menu.toggle}
                      size="sm"
                      aria-label="Menu"
                      aria-expanded={menuOpened}
                      aria-controls="main-menu"
                      title={menuOpened ? 'Close the menu' : 'Open the menu'}
                    />
                  )}
                  <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                    <Title order={1} size="h4" lineClamp={1}>
                      {status.organisation}
                    </Title>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      Signed in as {status.memberName} · {ROLE_LABELS[role]}
                    </Text>
                  </Stack>
                  <Group gap="md" wrap="nowrap">
                    {/* Always there, so a screen reader hears the words come and go. */}
                    <div role="status">
                      {status.checking && (
                        <Group gap={6} wrap="nowrap" title="Saves wait until the check is done">
                          <Loader size="xs" aria-hidden />
                          <Text size="xs" c="dimmed" className={classes.checking}>
                            Checking the caseload file…
                          </Text>
                        </Group>
                      )}
                    </div>
                    <Button variant="default" leftSection={<IconLock aria-hidden size={16} />} onClick={lock} title="Lock (Ctrl+L)" classNames={{ section: classes.lockIcon }}>
                      <span className={classes.lockWord}>Lock</span>
                    </Button>
                  </Group>
                </Group>
              </AppShell.Header>
              {/* Folded away, the menu is inert: Tab never lands on a link moved off the screen. */}
              <AppShell.Navbar
                ref={navRef}
                id="main-menu"
                p="xs"
                component="nav"
                aria-label="Main"
                inert={narrow && !menuOpened}
                className={classes.navbar}
              >
                {sections.map((item) => (
                  <NavLink
                    key={item.name}
                    component="button"
                    label={item.label}
                    leftSection={item.icon}
                    active={section === item.name}
                    aria-current={section === item.name ? 'page' : undefined}
                    onClick={() => go({ name: item.name } as Route)}
                  />
                ))}
              </AppShell.Navbar>
              {/* The open menu covers the screen on a narrow window: what is under it is out of reach. */}
              <AppShell.Main inert={narrow && menuOpened}>
                <PassphraseResetNotice resetAt={status.passphraseResetAt} />
                <Suspense
                  fallback={
                    <Center py="xl">
                      <Loader role="status" aria-label="Opening" />
                    </Center>
                  }
                >
                  <CurrentScreen route={route} />
                </Suspense>
              </AppShell.Main>
            </AppShell>
          </ArrivalContext.Provider>
        </CaseloadViewContext.Provider>
      </NavigationContext.Provider>
    </SignedInContext.Provider>
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
    case 'combine':
      return <CombineScreen />;
    case 'import':
      return <ImportScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
