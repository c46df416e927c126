// The caseload as a table that stays quick with tens of thousands of people: rows are fetched a
// page at a time as the worker scrolls, and only the rows on screen are in the page at all. Where
// the seven columns do not fit (a zoomed-in or narrow window) each person becomes a stacked row
// (see shared/StackedTable.tsx); rows are measured as drawn, so the list stays virtual either way.
import { Group, Table, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { referralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { formatNhsNumber } from '../../../../core/domain/nhsNumber';
import type { PeopleListInput, PeoplePage, PersonSummary } from '../../../../core/domain/person';
import { call } from '../../shared/api';
import classes from './CaseloadTable.module.css';
import { StackedTable } from '../../shared/StackedTable';
import { Tag } from '../../shared/Tag';
import { keyFor } from '../../shared/queryKeys';

const PAGE = 100;
/** A row's height before any has been measured: one line of columns. */
const ROW_HEIGHT = 41;
const COLUMNS = 7;

/** Everything people.list takes except paging. */
export type PeopleFilter = Omit<PeopleListInput, 'offset' | 'limit' | 'query'>;

export function usePeople(query: string, filter: PeopleFilter = {}) {
  return useInfiniteQuery({
    // Keyed by what is asked, less the page: the pages of one list share one cache entry.
    queryKey: keyFor('people.list', { ...filter, ...(query ? { query } : {}), limit: PAGE }),
    queryFn: ({ pageParam }) => call('people.list', { ...filter, ...(query ? { query } : {}), offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last: PeoplePage, all: PeoplePage[]) => {
      const loaded = all.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: (prev) => prev,
  });
}

interface Props {
  people: ReturnType<typeof usePeople>;
  onOpen: (personId: number) => void;
  /** Counts up each time the search box's ↓ asks for the first row to take focus. */
  firstRowWanted?: number;
  /** ↑ on the first row: back to where the worker came from (the search box). */
  onUpFromFirst?: () => void;
}

export function CaseloadTable({ people, onOpen, firstRowWanted = 0, onUpFromFirst }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ref: sizeRef, width } = useElementSize<HTMLDivElement>();
  const listRef = useMergedRef(scrollRef, sizeRef);
  const rows = people.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = people.data?.pages[0]?.total ?? 0;
  // Rows not drawn yet are taken to be as tall as the last one drawn: one line as columns, a few
  // lines stacked.
  const typical = useRef(ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => typical.current,
    measureElement: (element, entry, instance) => {
      const height = measureElement(element, entry, instance);
      if (height > 0) typical.current = height;
      return height;
    },
    overscan: 12,
  });
  useEffect(() => {
    // A new width can switch between columns and stacked rows: every height known so far is stale.
    virtualizer.measure();
  }, [virtualizer, width]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = people;
  useEffect(() => {
    // Fetch the next page before the worker reaches the end of what is loaded.
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  /** Arrow keys move between rows, so a long list is not a long walk with Tab. */
  const moveFocus = (from: number, to: number) => {
    if (to === -1 && from === 0) onUpFromFirst?.();
    if (to < 0 || to >= total || to === from) return;
    virtualizer.scrollToIndex(to, { align: 'auto' });
    // A row in the page is focused at once, so a held-down arrow key loses no steps; one the
    // scroll has yet to render, a frame later.
    const row = () => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`);
    const now = row();
    if (now) now.focus({ preventScroll: true });
    else requestAnimationFrame(() => row()?.focus());
  };
  useEffect(() => {
    if (firstRowWanted > 0) moveFocus(-1, 0);
    // Only a new request moves focus; a list that changes under the worker does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstRowWanted]);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, person: PersonSummary) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(person.id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveFocus(index, index + (e.key === 'ArrowDown' ? 1 : -1));
    }
  };

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={listRef} style={{ flex: 1, minHeight: 240, overflowY: 'auto' }} tabIndex={0} aria-label="Caseload list, scrollable">
      {/* Columns from 992 CSS px of list (a 1280 px window at 100%); the Name column then has 188 px. */}
      <StackedTable stackBelow="xl" striped highlightOnHover stickyHeader aria-label="People on the caseload" aria-rowcount={total + 1} layout="fixed">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w={140}>Case ID</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th w={130}>NHS Number</Table.Th>
            <Table.Th w={118}>Date of birth</Table.Th>
            <Table.Th w={108}>Referred</Table.Th>
            <Table.Th w={190}>Referral status</Table.Th>
            <Table.Th w={118}>Last contact</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const p = rows[item.index];
            return p ? (
              <Table.Tr
                key={p.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                className={classes.row}
                onClick={() => onOpen(p.id)}
                onKeyDown={(e) => onRowKey(e, item.index, p)}
                style={{ cursor: 'pointer' }}
              >
                <PersonCells person={p} />
              </Table.Tr>
            ) : (
              <Table.Tr key={`loading-${item.index}`} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={item.index + 2}>
                <Table.Td colSpan={COLUMNS}>
                  <Text size="sm" c="dimmed">
                    Loading…
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </StackedTable>
    </div>
  );
}

function PersonCells({ person: p }: { person: PersonSummary }) {
  return (
    <>
      <Table.Td data-label="Case ID">
        <Text span ff="monospace" size="sm">
          {p.caseId}
        </Text>
      </Table.Td>
      {/* The name wraps rather than being cut short. Stacked, it leads the row on a line of its own. */}
      <Table.Td data-lead>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Text span size="sm" fw={600} style={{ overflowWrap: 'break-word' }}>
            {p.preferredName}
          </Text>
          {/* Words as well as colour: the marker must read without seeing red. */}
          {p.openRisk && (
            <Tag tone="danger" size="sm" style={{ flexShrink: 0 }}>
              Risk
            </Tag>
          )}
        </Group>
      </Table.Td>
      <Table.Td data-label="NHS Number">
        {p.nhsNumber ? (
          formatNhsNumber(p.nhsNumber)
        ) : (
          <Text span c="dimmed" size="sm">
            Not given
          </Text>
        )}
      </Table.Td>
      <Table.Td data-label="Date of birth">{displayDate(p.dateOfBirth)}</Table.Td>
      <Table.Td data-label="Referred">{displayDate(p.referralReceivedOn)}</Table.Td>
      <Table.Td data-label="Referral status">
        <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
          <Text span size="sm">
            {referralStatus.label(p.referralStatus)}
          </Text>
          {!p.episodeOpen && p.referralReceivedOn && (
            <Tag tone="neutral" size="sm" style={{ flexShrink: 0 }}>
              Closed
            </Tag>
          )}
        </Group>
      </Table.Td>
      <Table.Td data-label="Last contact">
        {p.lastContactOn ? (
          displayDate(p.lastContactOn)
        ) : (
          <Text span c="dimmed" size="sm">
            None yet
          </Text>
        )}
      </Table.Td>
    </>
  );
}
