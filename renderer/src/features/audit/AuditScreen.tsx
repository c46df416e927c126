// The audit log for coordinators: who viewed or changed which record, who exported what, and
// when; filtered by date and action, a page at a time, with the hash chain checked on request
// and the filtered entries saved as a CSV.
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AuditFilters, type Filters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ExportAudit } from './ExportAudit';
import { VerifyChain } from './VerifyChain';
import { ScreenTitle } from '../../shared/ScreenTitle';

export function AuditScreen() {
  const [filters, setFilters] = useState<Filters>({});
  return (
    <Stack gap="md">
      <div>
        <ScreenTitle>Audit log</ScreenTitle>
        <Text c="dimmed" size="sm">
          Every sign-in, every record viewed or changed, every export and backup, with who and when. Records are shown by their number only. Entries cannot be changed or removed; each is chained to the one before, so a change made outside the app shows when the chain is checked.
        </Text>
      </div>
      <VerifyChain />
      <AuditFilters value={filters} onChange={setFilters} />
      <ExportAudit filters={filters} />
      {/* A new filter starts again at the newest page. */}
      <AuditTable key={JSON.stringify(filters)} filters={filters} />
    </Stack>
  );
}
