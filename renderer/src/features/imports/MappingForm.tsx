// Step 2: which column is which field, and what the file's own words for codes mean. Submitting
// the form runs the dry run; what it finds wrong is listed in the error summary at its top.
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import type { ImportCheck, ImportFile } from '../../../../core/domain/import/check';
import { IMPORT_FIELDS, type ImportFieldId } from '../../../../core/domain/import/fields';
import type { ImportMapping } from '../../../../core/domain/import/rows';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { StackedTable } from '../../shared/StackedTable';

const NOT_IMPORTED = '';
const SUMMARY_LINES = 10;

interface Props {
  file: ImportFile;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onCheck: () => void;
  checking: boolean;
  check: ImportCheck | null;
}

/** The dry run's findings as the error summary lists them: the mapping's first, then the first rows'. */
function summaryOf(check: ImportCheck | null): FormErrors {
  if (!check) return {};
  const errors: FormErrors = {};
  check.mappingProblems.forEach((m, i) => (errors[`mapping.${i}`] = m));
  check.problems.slice(0, SUMMARY_LINES).forEach((p, i) => (errors[`row.${i}`] = `Row ${p.row}${p.field ? `, ${p.field}` : ''}: ${p.message}`));
  if (check.problemCount > SUMMARY_LINES) errors.more = `And ${(check.problemCount - SUMMARY_LINES).toLocaleString('en-GB')} more: every problem is listed below, by row.`;
  return errors;
}

export function MappingForm({ file, mapping, onChange, onCheck, checking, check }: Props) {
  const setColumn = (column: number, id: string) => onChange({ ...mapping, columns: mapping.columns.map((c, i) => (i === column ? ((id || null) as ImportFieldId | null) : c)) });
  const setValue = (field: ImportFieldId, folded: string, code: string) => {
    const own = { ...(mapping.values[field] ?? {}) };
    if (code) own[folded] = code;
    else delete own[folded];
    onChange({ ...mapping, values: { ...mapping.values, [field]: own } });
  };
  const problems = check ? check.mappingProblems.length + check.problemCount : 0;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onCheck();
      }}
    >
      <ErrorSummary errors={summaryOf(check)} message={problems > 0 ? 'Nothing has been imported. Put these right in the file (or in the choices below), then check it again.' : undefined} />
      <Stack gap="md">
        <Title order={3} size="h4">
          Columns
        </Title>
        <Text size="sm">
          Say what each column holds. {file.remembered ? 'These are the choices made last time for a file with these headers.' : 'The app has guessed from the headers: check each one.'} Columns set to “Not imported” are left out.
        </Text>
        <StackedTable stackBelow="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column in the file</Table.Th>
              <Table.Th scope="col">First values</Table.Th>
              <Table.Th scope="col">Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.headers.map((header, column) => (
              <Table.Tr key={column}>
                <Table.Td data-label="Column in the file" data-lead>
                  {header}
                </Table.Td>
                <Table.Td data-label="First values">{file.sample.map((row) => row[column]).filter(Boolean).join(', ') || '—'}</Table.Td>
                <Table.Td data-label="Import as">
                  <NativeSelect
                    aria-label={`Import “${header}” as`}
                    value={mapping.columns[column] ?? NOT_IMPORTED}
                    onChange={(e) => setColumn(column, e.currentTarget.value)}
                    data={[{ value: NOT_IMPORTED, label: 'Not imported' }, ...IMPORT_FIELDS.filter((f) => file.kind === 'caseload' || f.id !== 'referralSource').map((f) => ({ value: f.id, label: f.label }))]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>

        {check && check.values.some((v) => v.seen.length > 0) && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              Values
            </Title>
            <Text size="sm">What the file’s own words mean. Choose an option for any value marked “Not understood”; your choices are remembered with the columns.</Text>
            {check.values
              .filter((v) => v.seen.length > 0)
              .map((v) => {
                const field = IMPORT_FIELDS.find((f) => f.id === v.field)!;
                return (
                  <StackedTable key={v.field} stackBelow="xs" striped>
                    <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{v.label}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">In the file</Table.Th>
                        <Table.Th scope="col">Rows</Table.Th>
                        <Table.Th scope="col">Means</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {v.seen.map((s) => (
                        <Table.Tr key={s.folded}>
                          <Table.Td data-label="In the file" data-lead>
                            {s.value}
                          </Table.Td>
                          <Table.Td data-label="Rows">{s.count.toLocaleString('en-GB')}</Table.Td>
                          <Table.Td data-label="Means">
                            <NativeSelect
                              aria-label={`${v.label}: “${s.value}” means`}
                              value={s.code ?? ''}
                              onChange={(e) => setValue(v.field, s.folded, e.currentTarget.value)}
                              data={[{ value: '', label: 'Not understood' }, ...field.codes!.map((c) => ({ value: c.code, label: c.label }))]}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </StackedTable>
                );
              })}
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={checking}>
            {check ? 'Check the file again' : 'Check the file'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
