// What a backup holds, row by row (people, referrals, contacts…): shown before any restore, on
// the Backups screen and on the damaged screen alike.
import { Table } from '@mantine/core';
import type { TableCounts } from '../../../../core/domain/backup';
import { countRows } from './format';

export function BackupCounts({ counts, label }: { counts: TableCounts; label: string }) {
  return (
    <Table aria-label={label} withTableBorder maw={420} verticalSpacing={4}>
      <Table.Tbody>
        {countRows(counts).map((r) => (
          <Table.Tr key={r.label}>
            <Table.Th scope="row" fw={500}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{r.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
