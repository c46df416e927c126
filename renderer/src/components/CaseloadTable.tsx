// The caseload as a table that stays quick with tens of thousands of people: rows are fetched a
// page at a time as the worker scrolls, and only the rows on screen are in the page at all.
import { Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { displayDate } from '../../../core/domain/dates';
import { formatNhsNumber } from '../../../core/domain/nhsNumber';
import type { PeoplePage } from '../../../core/domain/person';
import { call } from '../api';

const PAGE = 100;
const ROW_HEIGHT = 41;

export function usePeople(query: string) {
  return useInfiniteQuery({
    queryKey: ['people', query],
    queryFn: ({ pageParam }) => call('people.list', { ...(query ? { query } : {}), offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last: PeoplePage, all: PeoplePage[]) => {
      const loaded = all.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: (prev) => prev,
  });
}

export function CaseloadTable({ people }: { people: ReturnType<typeof usePeople> }) {
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

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} style={{ height: 'calc(100vh - 280px)', minHeight: 240, overflowY: 'auto' }} tabIndex={0} aria-label="Caseload list, scrollable">
      <Table striped highlightOnHover stickyHeader aria-label="People on the caseload" aria-rowcount={total + 1} layout="fixed">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th w={150}>Case ID</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th w={140}>NHS Number</Table.Th>
            <Table.Th w={130}>Date of birth</Table.Th>
            <Table.Th w={120}>Referred</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const p = rows[item.index];
            return (
              <Table.Tr key={p?.id ?? `loading-${item.index}`} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {p ? (
                  <>
                    <Table.Td ff="monospace">{p.caseId}</Table.Td>
                    <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={p.preferredName}>
                      {p.preferredName}
                    </Table.Td>
                    <Table.Td>{p.nhsNumber ? formatNhsNumber(p.nhsNumber) : <Text span c="dimmed" size="sm">Not given</Text>}</Table.Td>
                    <Table.Td>{displayDate(p.dateOfBirth)}</Table.Td>
                    <Table.Td>{displayDate(p.referralReceivedOn)}</Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed">
                      Loading…
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
