// Workspace settings: locking, the caseload's rules, the clinic sites, the outcome instruments
// (a panel the outcomes feature provides), backups and records past retention. Each panel saves on its own.
import { Stack, Title } from '@mantine/core';
import { InstrumentSettings } from '../outcomes';
import { BackupsPanel } from './backups/BackupsPanel';
import { SettingsForm } from './settings/SettingsForm';
import { RetentionPanel } from './settings/RetentionPanel';
import { SitesPanel } from './settings/SitesPanel';

export function SettingsScreen() {
  return (
    <Stack maw={720} gap="lg">
      <Title order={2}>Settings</Title>
      <SettingsForm />
      <SitesPanel />
      <InstrumentSettings />
      <BackupsPanel />
      <RetentionPanel />
    </Stack>
  );
}
