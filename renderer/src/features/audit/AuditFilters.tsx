// Which entries: a date range (DD/MM/YYYY, inclusive) and one action.
import { Button, Group, Paper, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { auditActionLabel } from '../../../../core/domain/auditActions';
import { DateField } from '../../shared/DateField';
import { callQuery } from '../../shared/queryKeys';

export interface Filters {
  from?: string;
  to?: string;
  action?: string;
}

export function AuditFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const actions = useQuery({ ...callQuery('audit.actions', {}), refetchOnMount: 'always' });
  const options = (actions.data ?? []).map((a) => ({ value: a, label: auditActionLabel(a) })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const set = (patch: Filters) => onChange(Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v)) as Filters);
  return (
    <Paper withBorder p="md" component="section" aria-label="Filter the audit log">
      <Group align="flex-end" gap="md">
        <DateField label="From" value={value.from ?? null} onChange={(d) => set({ from: d ?? undefined })} w={170} maxDate={value.to} />
        <DateField label="To" value={value.to ?? null} onChange={(d) => set({ to: d ?? undefined })} w={170} minDate={value.from} />
        <Select label="Action" placeholder="All actions" data={options} value={value.action ?? null} onChange={(a) => set({ action: a ?? undefined })} clearable searchable w={300} nothingFoundMessage="No such action in the log" />
        <Button variant="default" onClick={() => onChange({})} disabled={!value.from && !value.to && !value.action}>
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
