// The caseload's filters and sort order. Every control has a visible label; "Any" is the
// placeholder of a filter that is not narrowing the list.
import { Button, Checkbox, Group, Select, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { pathway, referralStatus } from '../../../../core/domain/codes';
import { CodeSelect } from '../../shared/CodeSelect';
import { siteOptions, useSites } from '../../shared/useSites';
import { clearFilters, isFiltered, SORT_OPTIONS, type EpisodeStatus, type FilterState, type Sort } from './filters';
import { countOf } from '../../../../core/domain/plural';

const STATUS_OPTIONS: { value: EpisodeStatus; label: string }[] = [
  { value: 'all', label: 'Any' },
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

interface Props {
  /** The search box, which shares the first row with the two quick filters. */
  search: ReactNode;
  value: FilterState;
  onChange: (next: FilterState) => void;
  inactiveWeeks: number | undefined;
  retentionYears: number | undefined;
}

export function CaseloadFilterBar({ search, value, onChange, inactiveWeeks, retentionYears }: Props) {
  const sites = useSites();
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ ...value, [key]: v });
  const sitesToPick = siteOptions(sites.data, value.siteId);
  return (
    // Two rows, so the list below keeps as much of the window as possible.
    <Stack role="group" aria-label="Find people" gap="xs">
      <Group align="flex-end" gap="lg" wrap="wrap">
        {search}
        {/* On a narrow window the three checkboxes go one under another rather than over the search. */}
        <Group gap="md" mih={36} wrap="wrap">
          <Checkbox label="Waiting for first contact" checked={value.waiting} onChange={(e) => set('waiting', e.currentTarget.checked)} />
          <Checkbox
            label={inactiveWeeks ? `No contact for over ${countOf(inactiveWeeks, 'week')}` : 'No recent contact'}
            checked={value.inactive}
            onChange={(e) => set('inactive', e.currentTarget.checked)}
          />
          <Checkbox
            // Closed, and care ended longer ago than the retention setting (Settings → Retention).
            label={retentionYears ? `Past retention (closed over ${countOf(retentionYears, 'year')})` : 'Past retention'}
            checked={value.pastRetention}
            onChange={(e) => set('pastRetention', e.currentTarget.checked)}
          />
          {isFiltered(value) && (
            <Button variant="subtle" size="sm" leftSection={<IconFilterOff aria-hidden size={16} />} onClick={() => onChange(clearFilters(value))}>
              Clear filters
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Support"
          size="sm"
          w={150}
          data={STATUS_OPTIONS}
          value={value.status}
          allowDeselect={false}
          onChange={(v) => set('status', (v as EpisodeStatus | null) ?? 'all')}
        />
        <CodeSelect
          label="Referral status"
          size="sm"
          w={170}
          codes={referralStatus}
          placeholder="Any"
          clearable
          value={value.referralStatus}
          onChange={(v) => set('referralStatus', v)}
        />
        <CodeSelect label="Pathway" size="sm" w={220} codes={pathway} placeholder="Any" clearable value={value.pathway} onChange={(v) => set('pathway', v)} />
        {sitesToPick.length > 0 && (
          <Select
            label="Clinic site"
            size="sm"
            w={190}
            data={sitesToPick}
            placeholder="Any"
            clearable
            value={value.siteId ? String(value.siteId) : null}
            onChange={(v) => set('siteId', v ? Number(v) : null)}
          />
        )}
        <Select
          label="Sort by"
          size="sm"
          w={230}
          data={SORT_OPTIONS}
          value={value.sort}
          allowDeselect={false}
          onChange={(v) => set('sort', (v as Sort | null) ?? 'recent')}
        />
      </Group>
    </Stack>
  );
}
