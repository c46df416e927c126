// The first rows of the file as it will be written, so a manager sees the columns and the
// format before saving. Wide profiles scroll sideways inside their own box (reachable by Tab).
import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ExportPreview } from '../../../../core/domain/export/request';
import { WARNING_TITLE } from '../../shared/contrast';
import { countOf } from '../../../../core/domain/plural';

export function PreviewTable({ preview, aggregate }: { preview: ExportPreview; aggregate: boolean }) {
  const n = preview.total.toLocaleString('en-GB');
  return (
    <Stack gap="xs">
      {preview.identifiable && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This export names people" styles={WARNING_TITLE}>
          It holds names, NHS Numbers or dates of birth. You will be asked to confirm before it is saved, the export is recorded in the log with your name, and it should
          be saved as an encrypted ZIP.
        </Alert>
      )}
      {aggregate && (
        <Alert color="nhsBlue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          Counts only, safe to publish: counts from 1 to 7 show as *, a second count is hidden where a total would reveal one, and percentages are worked from the
          published numbers.
        </Alert>
      )}
      <Text size="sm" fw={600} aria-live="polite">
        {preview.total === 0
          ? 'No rows for this period: the file would hold only its header row.'
          : preview.rows.length < preview.total
            ? `Showing the first ${preview.rows.length} of ${n} rows.`
            : preview.total === 1
              ? 'The one row.'
              : `All ${countOf(preview.total, 'row')}.`}
      </Text>
      <div tabIndex={0} role="region" aria-label={`Preview of ${preview.profileName}`} style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table striped withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing="xs" fz="xs" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              {preview.header.map((h, i) => (
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

export function PreviewLoading() {
  return <Loader size="sm" role="status" aria-label="Preparing the preview" />;
}
