// The worker's caseload: search, filters, the list, and adding a person.
import { Alert, Button, EmptyState, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCan } from '../../shared/access';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api';
import { AddPersonModal } from './AddPersonModal';
import { CaseloadTable, usePeople } from './CaseloadTable';
import { useSettings } from '../../shared/useSettings';
import { useNavigation, type CaseloadFilters } from '../../shared/navigation';
import { CaseloadFilterBar } from './CaseloadFilterBar';
import { fromRoute, isFiltered, toQuery, type FilterState } from './filters';
import { useRememberedView } from './rememberedView';
import classes from './CaseloadScreen.module.css';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { countOf, pluralWord } from '../../../../core/domain/plural';

const count = (n: number) => n.toLocaleString('en-GB');

export function CaseloadScreen({ initialFilters }: { initialFilters?: CaseloadFilters }) {
  const { go } = useNavigation();
  const can = useCan();
  // Opened with filters (a link from My day or data quality): those. Otherwise as last left.
  const remembered = useRememberedView();
  const [start] = useState(() => (initialFilters ? null : remembered.current));
  const [search, setSearch] = useState(start?.search ?? '');
  const [query] = useDebouncedValue(search.trim(), 120);
  const [filters, setFilters] = useState<FilterState>(() => start?.filters ?? fromRoute(initialFilters));
  useEffect(() => {
    remembered.current = { search, filters };
  }, [remembered, search, filters]);
  const filter = useMemo(() => toQuery(filters), [filters]);
  const [adding, addModal] = useDisclosure(false);
  const settings = useSettings();
  const people = usePeople(query, filter);
  const total = people.data?.pages[0]?.total;
  const filtered = isFiltered(filters);
  // The list keeps the last answer on screen while the next is fetched (and the words typed wait
  // out the debounce first): until the answer for what is in the box now has come, the screen
  // says it is searching, never "No one matches" words it has not looked for yet.
  const settled = query === search.trim() && !people.isPlaceholderData;

  // Search to record in three keys: type, ↓, Enter. ↓ waits for the answer to what was typed, so
  // it never lands on a row of the list from before the last keystroke.
  const [wantsFirstRow, setWantsFirstRow] = useState(false);
  const [firstRowWanted, setFirstRowWanted] = useState(0);
  // ↑ on the first row comes back here.
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!wantsFirstRow || !settled) return;
    setWantsFirstRow(false);
    if ((total ?? 0) > 0) setFirstRowWanted((n) => n + 1);
  }, [wantsFirstRow, settled, total]);

  const nobodyYet = !query && !filtered && total === 0;
  const open = (personId: number) => go({ name: 'person', personId });
  return (
    // The screen fills the window so the list, not the page, scrolls. On a short window (zoomed
    // in) nothing above the list is squeezed: the page scrolls down to a list of at least 240 px.
    <Stack gap="sm" className={classes.screen} style={{ height: 'calc(100dvh - var(--app-shell-header-offset, 60px) - 2 * var(--app-shell-padding))' }}>
      <Group justify="space-between" gap="xs">
        <ScreenTitle>Caseload</ScreenTitle>
        <Group gap="xs">
          {can('imports.open') && (
            <Button variant="default" leftSection={<IconFileImport aria-hidden size={18} />} onClick={() => go({ name: 'import' })}>
              Import from a spreadsheet
            </Button>
          )}
          <Button leftSection={<IconUserPlus aria-hidden size={18} />} onClick={addModal.open}>
            Add person
          </Button>
        </Group>
      </Group>
      {!nobodyYet && (
        <CaseloadFilterBar
          search={
            <TextInput
              ref={searchRef}
              label="Search"
              description="Case ID, name, NHS Number or hospital number. ↓ goes to the list."
              leftSection={<IconSearch aria-hidden size={16} />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setWantsFirstRow(false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  setWantsFirstRow(true);
                }
              }}
              w={400}
              maw="100%"
              autoComplete="off"
            />
          }
          value={filters}
          onChange={setFilters}
          inactiveWeeks={settings.data?.inactiveWeeks}
          retentionYears={settings.data?.retentionYears}
        />
      )}
      {people.isPending && <Loader role="status" aria-label="Loading the caseload" />}
      {people.isError && (
        <Alert color="red" role="alert">
          {errorMessage(people.error)}
        </Alert>
      )}
      {nobodyYet && (
        <EmptyState
          mt="xl"
          icon={<IconUsers aria-hidden size={32} />}
          variant="light"
          title="No one on your caseload yet"
          description="When someone is referred to you, add them here. You will get a case ID to use instead of their name on anything that leaves this computer."
        >
          <EmptyState.Actions>
            <Button onClick={addModal.open} leftSection={<IconUserPlus aria-hidden size={18} />}>
              Add the first person
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {total !== undefined && !nobodyYet && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {!settled
              ? 'Searching…'
              : query
                ? `${count(total)} found`
                : filtered
                  ? `${count(total)} ${pluralWord(total, 'person matches', 'people match')} these filters`
                  : countOf(total, 'person', 'people')}
          </Text>
          {total > 0 ? (
            <CaseloadTable people={people} onOpen={open} firstRowWanted={firstRowWanted} onUpFromFirst={() => searchRef.current?.focus()} />
          ) : settled ? (
            <NoMatch query={query} filtered={filtered} />
          ) : (
            <Loader role="status" aria-label="Searching the caseload" />
          )}
        </>
      )}
      <AddPersonModal opened={adding} onClose={addModal.close} />
    </Stack>
  );
}

function NoMatch({ query, filtered }: { query: string; filtered: boolean }) {
  // Plainly what was looked at; not "check the spelling": accents, capitals and apostrophes do not
  // count, and a name spelled another way is often how the person themselves writes it.
  const advice = query ? 'The search looks at names (accents and capitals do not matter), case IDs, NHS Numbers and hospital numbers.' : '';
  const filters = filtered ? 'Try fewer filters, or choose Clear filters to see everyone.' : '';
  return (
    <Text mt="md">
      {query ? `No one matches “${query}”${filtered ? ' with these filters' : ''}.` : 'No one matches these filters.'} {advice} {filters}
    </Text>
  );
}
