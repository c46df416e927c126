// Settings: everyone's own sign-in; and for coordinators the members, the recovery key,
// locking, the caseload's rules, the clinic sites and the outcome instruments (a panel the
// outcomes feature provides). Each panel saves on its own.
import { Stack, Title } from '@mantine/core';
import { useCan } from '../access';
import { InstrumentSettings } from '../outcomes';
import { MembersPanel } from './settings/MembersPanel';
import { RecoveryKeyPanel } from './settings/RecoveryKeyPanel';
import { SettingsForm } from './settings/SettingsForm';
import { SitesPanel } from './settings/SitesPanel';
import { YourSignInPanel } from './settings/YourSignInPanel';

export function SettingsScreen() {
  const can = useCan();
  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>Settings</Title>
      <YourSignInPanel />
      {can('settings.update') && <SettingsForm />}
      {can('members.list') && <MembersPanel />}
      {can('recovery.regenerate') && <RecoveryKeyPanel />}
      {can('sites.save') && <SitesPanel />}
      {can('licences.confirm') && <InstrumentSettings />}
    </Stack>
  );
}
