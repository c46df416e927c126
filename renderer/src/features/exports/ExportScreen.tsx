// Export: make a file for the trust, the commissioner or a funder (the monthly return, or rows
// through a profile), see every export made so far, and manage the profiles that shape them.
import { Stack, Text } from '@mantine/core';
import { useCan } from '../../shared/access';
import { ExportFlow } from './ExportFlow';
import { ExportLog } from './ExportLog';
import { ProfilesPanel } from './ProfilesPanel';
import { ReturnDataPanel } from './ReturnDataPanel';
import { ReturnLayoutsPanel } from './ReturnLayoutsPanel';
import { ScreenTitle } from '../../shared/ScreenTitle';

export function ExportScreen() {
  const can = useCan();
  return (
    <Stack gap="md">
      <div>
        <ScreenTitle>Export</ScreenTitle>
        <Text c="dimmed" size="sm">
          Files are CSV or Excel workbooks. Row-level files are pseudonymised unless a profile says otherwise; every export is logged.
        </Text>
      </div>
      <ExportFlow />
      {can('returns.saveDataFile') && <ReturnDataPanel />}
      <ExportLog />
      {can('exports.saveProfile') && <ProfilesPanel />}
      {can('exports.saveLayout') && <ReturnLayoutsPanel />}
    </Stack>
  );
}
