// Settings: everyone's own sign-in; and for coordinators the members, the recovery key,
// locking, the caseload's rules, the clinic sites, the outcome instruments (a panel the
// outcomes feature provides), backups and records past retention. Each panel saves on its own.
import { Stack } from '@mantine/core';
import { useCan } from '../../shared/access';
import { InstrumentSettings } from '../outcomes';
import { BackupsPanel } from '../backups/BackupsPanel';
import { MembersPanel } from './MembersPanel';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { SettingsForm } from './SettingsForm';
import { RetentionPanel } from './RetentionPanel';
import { SitesPanel } from './SitesPanel';
import { YourSignInPanel } from './YourSignInPanel';
import { ScreenTitle } from '../../shared/ScreenTitle';

export function SettingsScreen() {
  const can = useCan();
  return (
    <Stack maw={720} gap="lg">
      <ScreenTitle>Settings</ScreenTitle>
      <YourSignInPanel />
      {can('settings.update') && <SettingsForm />}
      {can('members.list') && <MembersPanel />}
      {can('recovery.regenerate') && <RecoveryKeyPanel />}
      {can('sites.save') && <SitesPanel />}
      {can('licences.confirm') && <InstrumentSettings />}
      {can('backups.create') && <BackupsPanel />}
      {can('retention.purge') && <RetentionPanel />}
    </Stack>
  );
}
