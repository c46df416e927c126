// Step 3: what the dry run found: who would be added, who is already on the caseload, and every
// problem by row. The import button shows only when there is nothing to put right.
import { Alert, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportCheck } from '../../../../core/domain/import/check';
import { countOf } from '../../../../core/domain/plural';
import { StackedTable } from '../../shared/StackedTable';

interface Props {
  check: ImportCheck;
  onImport: () => void;
  importing: boolean;
  percent: number | null;
}

export function CheckReport({ check, onImport, importing, percent }: Props) {
  const clean = check.mappingProblems.length === 0 && check.problemCount === 0;
  return (
    <Stack gap="md" component="section" aria-labelledby="dry-run-title">
      <Title order={3} size="h4" id="dry-run-title">
        What the check found
      </Title>
      <Text>
        {countOf(check.rows, 'row')} read. {clean ? `${countOf(check.toCreate, 'person', 'people')} would be added, each with a referral.` : `${countOf(check.problemCount, 'problem')} to put right before anyone can be added.`}
        {check.skipped.length > 0 ? ` ${countOf(check.skipped.length, 'row')} ${check.skipped.length === 1 ? 'is' : 'are'} someone already on the caseload, and will be left out.` : ''}
      </Text>
      {check.problems.length > 0 && (
        <StackedTable stackBelow="sm" striped aria-label="Problems by row">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td data-label="Row" data-lead>
                  {p.row}
                </Table.Td>
                <Table.Td data-label="Column">{p.field ?? 'The whole row'}</Table.Td>
                <Table.Td data-label="Problem">{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      {check.problemCount > check.problems.length && <Text size="sm">The first {check.problems.length.toLocaleString('en-GB')} problems are listed. Put these right and check again to see the rest.</Text>}
      {check.skipped.length > 0 && (
        <StackedTable stackBelow="sm" striped aria-label="Already on the caseload">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Left out because</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.skipped.slice(0, 500).map((s) => (
              <Table.Tr key={s.row}>
                <Table.Td data-label="Row" data-lead>
                  {s.row}
                </Table.Td>
                <Table.Td data-label="Left out because">{s.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      {clean && check.preview.length > 0 && (
        <StackedTable stackBelow="sm" striped aria-label="The first people who would be added">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Date of birth</Table.Th>
              <Table.Th scope="col">Referred</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {check.preview.map((p) => (
              <Table.Tr key={p.row}>
                <Table.Td data-label="Row">{p.row}</Table.Td>
                <Table.Td data-label="Name" data-lead>
                  {p.name}
                </Table.Td>
                <Table.Td data-label="Date of birth">{p.dateOfBirth}</Table.Td>
                <Table.Td data-label="Referred">{p.referralReceivedOn}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      {clean && check.toCreate > 0 && (
        <Stack gap="xs">
          <Group>
            <Button onClick={onImport} loading={importing}>
              Import {countOf(check.toCreate, 'person', 'people')}
            </Button>
          </Group>
          {importing && percent !== null && <Progress value={percent} aria-label="Import progress" />}
        </Stack>
      )}
      {clean && check.toCreate === 0 && (
        <Alert color="gray" title="No one to add">
          Everyone in this file is already on the caseload.
        </Alert>
      )}
    </Stack>
  );
}
