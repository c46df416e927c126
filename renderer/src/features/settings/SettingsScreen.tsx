// Settings in sections, one shown at a time from a list of them: the caseload's rules (and its
// clinic sites), the programme's own lists, training and supervision, reporting, backups, members and sign-in, outcome instruments, retention. Each
// section shows only what the signed-in member may change, and each panel in it saves on its own.
// A member with one section (reporting only: their own sign-in) gets it without the list.
import { Stack, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../shared/access';
import { useNavigation } from '../../shared/navigation';
import { InstrumentSettings } from '../outcomes';
import { BackupsPanel } from '../backups/BackupsPanel';
import { MembersPanel } from './MembersPanel';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { SettingsForm } from './SettingsForm';
import { RetentionPanel } from './RetentionPanel';
import { SitesPanel } from './SitesPanel';
import { ProgrammeListsPanel } from './ProgrammeListsPanel';
import { DevelopmentPanel } from './DevelopmentPanel';
import { YourSignInPanel } from './YourSignInPanel';
import { ScreenTitle } from '../../shared/ScreenTitle';

interface Section {
  id: string;
  label: string;
  parts: ReactNode[];
}

function useSections(): Section[] {
  const can = useCan();
  const coordinator = can('members.list');
  const sections: Section[] = [
    { id: 'caseload', label: 'Caseload rules', parts: [can('settings.update') && <SettingsForm key="form" part="caseload" />, can('sites.save') && <SitesPanel key="sites" />] },
    { id: 'lists', label: 'Programme lists', parts: [can('lists.add') && <ProgrammeListsPanel key="lists" />] },
    { id: 'development', label: 'Training and supervision', parts: [can('development.record') && <DevelopmentPanel key="development" />] },
    { id: 'reporting', label: 'Reporting', parts: [can('settings.update') && <SettingsForm key="form" part="reporting" />] },
    { id: 'backups', label: 'Backups', parts: [can('backups.create') && <BackupsPanel key="backups" />] },
    {
      id: 'members',
      label: coordinator ? 'Members and sign-in' : 'Your sign-in',
      parts: [
        <YourSignInPanel key="you" />,
        can('settings.update') && <SettingsForm key="locking" part="locking" />,
        coordinator && <MembersPanel key="members" />,
        can('recovery.regenerate') && <RecoveryKeyPanel key="recovery" />,
      ],
    },
    { id: 'instruments', label: 'Outcome instruments', parts: [can('licences.confirm') && <InstrumentSettings key="instruments" />] },
    { id: 'retention', label: 'Retention', parts: [can('settings.update') && <SettingsForm key="form" part="retention" />, can('retention.purge') && <RetentionPanel key="purge" />] },
  ];
  return sections.map((s) => ({ ...s, parts: s.parts.filter(Boolean) })).filter((s) => s.parts.length > 0);
}

export function SettingsScreen() {
  const sections = useSections();
  const { route } = useNavigation();
  const [chosen, setChosen] = useState<string | null>(route.name === 'settings' ? (route.section ?? null) : null);
  // Beside the sections on a wide window; above them, wrapping, on a narrow or zoomed one.
  const wide = useMediaQuery('(min-width: 62em)', true);
  const active = sections.some((s) => s.id === chosen) ? chosen : sections[0].id;
  const body = (s: Section) => <Stack gap="lg">{s.parts}</Stack>;
  return (
    <Stack maw={wide ? 980 : 720} gap="lg">
      <ScreenTitle>Settings</ScreenTitle>
      {sections.length === 1 ? (
        body(sections[0])
      ) : (
        <Tabs value={active} onChange={setChosen} orientation={wide ? 'vertical' : 'horizontal'} variant="pills" keepMounted styles={wide ? { tab: { justifyContent: 'flex-start' }, tabLabel: { textAlign: 'left' } } : undefined}>
          <Tabs.List aria-label="Settings sections" mr={wide ? 'lg' : undefined} mb={wide ? undefined : 'md'} style={wide ? { minWidth: 200, alignSelf: 'flex-start' } : { flexWrap: 'wrap' }}>
            {sections.map((s) => (
              <Tabs.Tab key={s.id} value={s.id}>
                {s.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {sections.map((s) => (
            <Tabs.Panel key={s.id} value={s.id} style={{ flex: 1, minWidth: 0 }}>
              {body(s)}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
