// The caseload as a table that stays quick with tens of thousands of people: rows are fetched a
// page at a time as the worker scrolls, and only the rows on screen are in the page at all.
import { Group, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { referralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { formatNhsNumber } from '../../../../core/domain/nhsNumber';
import type { PeopleListInput, PeoplePage, PersonSummary } from '../../../../core/domain/person';
import { call } from '../../shared/api';
import classes from './CaseloadTable.module.css';
import { Tag } from '../../shared/Tag';

const PAGE = 100;
const ROW_HEIGHT = 41;
const COLUMNS = 7;

/** Everything people.list takes except paging. */
export type PeopleFilter = Omit<PeopleListInput, 'offset' | 'limit' | 'query'>;

export function usePeople(query: string, filter: PeopleFilter = {}) {
  return useInfiniteQuery({
    queryKey: ['people', query, filter],
    queryFn: ({ pageParam }) => call('people.list', { ...filter, ...(query ? { query } : {}), offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last: PeoplePage, all: PeoplePage[]) => {
      const loaded = all.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: (prev) => prev,
  });
}

/** What the screen around the list may do with it: move the keyboard into it from the search box. */
export interface CaseloadTableHandle {
  focusFirstRow: () => void;
}

interface Props {
  people: ReturnType<typeof usePeople>;
  onOpen: (personId: number) => void;
  handle?: Ref<CaseloadTableHandle>;
  /** ↑ on the first row: back to where the worker came from (the search box). */
  onUpFromFirst?: () => void;
}

export function CaseloadTable({ people, onOpen, handle, onUpFromFirst }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = people.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = people.data?.pages[0]?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = people;
  useEffect(() => {
    // Fetch the next page before the worker reaches the end of what is loaded.
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  /**
   * Scrolls a row into view and focuses it: at once when it is in the page (so a held-down arrow
   * key loses no steps), else a frame or two later, once the scroll has rendered it.
   */
  const focusRow = (to: number, framesLeft = 5) => {
    if (framesLeft === 5) virtualizer.scrollToIndex(to, { align: 'auto' });
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${to}"]`);
    if (row) row.focus({ preventScroll: true });
    else if (framesLeft > 0) requestAnimationFrame(() => focusRow(to, framesLeft - 1));
  };
  /** Arrow keys move between rows, so a long list is not a long walk with Tab. */
  const moveFocus = (from: number, to: number) => {
    if (to === -1 && onUpFromFirst) onUpFromFirst();
    if (to < 0 || to >= total || to === from) return;
    focusRow(to);
  };
  useImperativeHandle(handle, () => ({ focusFirstRow: () => total > 0 && focusRow(0) }));
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
    <div ref={scrollRef} style={{ flex: 1, minHeight: 240, overflowY: 'auto' }} tabIndex={0} aria-label="Caseload list, scrollable">
      <Table striped highlightOnHover stickyHeader aria-label="People on the caseload" aria-rowcount={total + 1} layout="fixed">
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
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={0}
                className={classes.row}
                onClick={() => onOpen(p.id)}
                onKeyDown={(e) => onRowKey(e, item.index, p)}
                style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
              >
                <PersonCells person={p} />
              </Table.Tr>
            ) : (
              <Table.Tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
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
      </Table>
    </div>
  );
}

const oneLine = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function PersonCells({ person: p }: { person: PersonSummary }) {
  return (
    <>
      <Table.Td ff="monospace">{p.caseId}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" style={oneLine} title={p.preferredName}>
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
      <Table.Td>
        {p.nhsNumber ? (
          formatNhsNumber(p.nhsNumber)
        ) : (
          <Text span c="dimmed" size="sm">
            Not given
          </Text>
        )}
      </Table.Td>
      <Table.Td>{displayDate(p.dateOfBirth)}</Table.Td>
      <Table.Td>{displayDate(p.referralReceivedOn)}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" style={oneLine}>
            {referralStatus.label(p.referralStatus)}
          </Text>
          {!p.episodeOpen && p.referralReceivedOn && (
            <Tag tone="neutral" size="sm" style={{ flexShrink: 0 }}>
              Closed
            </Tag>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
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
