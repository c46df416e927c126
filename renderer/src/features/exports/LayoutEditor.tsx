// Making or changing the trust's layout of the monthly return: long (one row per figure) or wide
// (one row per period and site), which columns and under which names, and the trust's codes for
// our measures and categories. The layout's id is made from its name, as a profile's is.
import { ActionIcon, Button, Checkbox, Fieldset, Group, Modal, NativeSelect, Radio, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { LAYOUT_COLUMN_HEADERS, LAYOUT_COLUMNS, returnLayoutSchema, type LayoutColumn, type ReturnLayout, type ReturnLayoutInput } from '../../../../core/domain/export/returnLayout';
import { call } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { FormFailure } from '../../shared/FormFailure';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { useSaveAnswer } from '../../shared/useSaveAnswer';
import { idFromName } from './profileForm';

export interface LayoutValues {
  id: string;
  name: string;
  layout: 'long' | 'wide';
  columns: { id: LayoutColumn; include: boolean; header: string }[];
  separator: ReturnLayout['separator'];
  codes: { measure: string; category: string; code: string }[];
  delimiter: ReturnLayout['delimiter'];
  fileType: ReturnLayout['fileType'];
}

export const EMPTY_LAYOUT: LayoutValues = {
  id: '',
  name: '',
  layout: 'long',
  columns: LAYOUT_COLUMNS.map((id) => ({ id, include: true, header: LAYOUT_COLUMN_HEADERS[id] })),
  separator: '.',
  codes: [],
  delimiter: ',',
  fileType: 'csv',
};

export function layoutValuesOf(l: ReturnLayout): LayoutValues {
  const chosen = new Map(l.columns.map((c) => [c.id, c.header ?? LAYOUT_COLUMN_HEADERS[c.id]]));
  // The chosen columns in their order, then the rest left out.
  const order = [...l.columns.map((c) => c.id), ...LAYOUT_COLUMNS.filter((id) => !chosen.has(id))];
  return {
    id: l.id,
    name: l.name,
    layout: l.layout,
    columns: order.map((id) => ({ id, include: chosen.has(id), header: chosen.get(id) ?? LAYOUT_COLUMN_HEADERS[id] })),
    separator: l.separator,
    codes: l.codes.map((c) => ({ measure: c.measure, category: c.category ?? '', code: c.code })),
    delimiter: l.delimiter,
    fileType: l.fileType,
  };
}

/** Wide layouts name each row by period and site only. */
const usedBy = (layout: LayoutValues['layout'], id: LayoutColumn) => layout === 'long' || id === 'period' || id === 'site';

export function toLayout(v: LayoutValues): ReturnLayoutInput {
  return {
    id: v.id.trim(),
    name: v.name.trim(),
    dataset: 'monthly_return',
    layout: v.layout,
    columns: v.columns
      .filter((c) => c.include && usedBy(v.layout, c.id))
      .map((c) => (c.header.trim() && c.header.trim() !== LAYOUT_COLUMN_HEADERS[c.id] ? { id: c.id, header: c.header.trim() } : { id: c.id })),
    separator: v.separator,
    codes: v.codes.map((c) => ({ measure: c.measure.trim(), ...(c.category.trim() ? { category: c.category.trim() } : {}), code: c.code.trim() })),
    delimiter: v.delimiter,
    fileType: v.fileType,
  };
}

interface Props {
  initial: LayoutValues;
  editing: boolean;
  takenIds: string[];
  onClose: () => void;
}

const COLUMN_LABELS: Record<LayoutColumn, string> = { period: 'Period', site: 'Site', measure: 'Measure', breakdown: 'Breakdown', category: 'Category', value: 'Value' };

export function LayoutEditor({ initial, editing, takenIds, onClose }: Props) {
  const form = useForm<LayoutValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (v) => schemaResolver(returnLayoutSchema, { sync: true })(toLayout({ ...v, id: v.id || idFromName(v.name, takenIds) })),
  });
  const save = useSaveAnswer('exports.layouts', {}, (v: LayoutValues) => call('exports.saveLayout', toLayout(v)), {
    success: (v) => ({ message: v.name.trim(), title: editing ? 'Return layout saved' : 'Return layout added' }),
    form,
    onSaved: onClose,
  });
  const v = form.values;
  return (
    <Modal opened onClose={onClose} title={editing ? `Edit return layout: ${initial.name}` : 'New return layout'} size="min(900px, 96vw)">
      <form onSubmit={form.onSubmit((values) => save.mutate(values), focusFirstInvalid)} noValidate>
        <ErrorSummary errors={form.errors} describe={(path, m) => (/^codes\.\d+\./.test(path) ? `Code ${Number(path.split('.')[1]) + 1}: ${String(m)}` : m)} />
        <Stack gap="md">
          <TextInput
            label="Layout name"
            description="As it appears under What to export and when saving a combined return."
            required
            data-autofocus
            maw={560}
            {...form.getInputProps('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.setFieldValue('name', name);
              if (!editing) form.setFieldValue('id', idFromName(name, takenIds));
            }}
          />
          <Radio.Group label="Shape" {...form.getInputProps('layout')}>
            <Stack gap={6} mt={6}>
              <Radio value="long" label="Long: one row per figure (measure, breakdown, category, value)" />
              <Radio value="wide" label="Wide: one row per period and site, one column per figure" />
            </Stack>
          </Radio.Group>
          <Fieldset legend="Columns and their names" data-path="columns">
            <Stack gap="xs">
              {form.errors.columns && (
                <Text c="red.9" size="sm" fw={700}>
                  {form.errors.columns}
                </Text>
              )}
              {v.columns.map((c, i) =>
                usedBy(v.layout, c.id) ? (
                  <Group key={c.id} gap="sm" align="flex-end" wrap="wrap">
                    <Checkbox label={`Include ${COLUMN_LABELS[c.id].toLowerCase()}`} w={190} {...form.getInputProps(`columns.${i}.include`, { type: 'checkbox' })} />
                    <TextInput label={`Name of the ${COLUMN_LABELS[c.id].toLowerCase()} column`} disabled={!c.include} w={260} {...form.getInputProps(`columns.${i}.header`)} />
                  </Group>
                ) : null,
              )}
              {v.layout === 'wide' && (
                <NativeSelect
                  label="Between measure, breakdown and category in a figure’s column name"
                  maw={420}
                  data={[
                    { value: '.', label: 'Full stop: referrals_received.source.gp' },
                    { value: '_', label: 'Underscore: referrals_received_source_gp' },
                    { value: ':', label: 'Colon: referrals_received:source:gp' },
                    { value: '/', label: 'Slash: referrals_received/source/gp' },
                    { value: ' ', label: 'Space: referrals_received source gp' },
                  ]}
                  {...form.getInputProps('separator')}
                />
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend="The trust’s codes" data-path="codes">
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                Our measure’s code to the trust’s; with a category too, that category of the measure to the trust’s code. Codes not listed stay as they are.
              </Text>
              {v.codes.length > 0 && (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Our measure</Table.Th>
                      <Table.Th>Our category (optional)</Table.Th>
                      <Table.Th>Trust’s code</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Remove</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.codes.map((_, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <TextInput aria-label={`Our measure, code ${i + 1}`} placeholder="referrals_received" {...form.getInputProps(`codes.${i}.measure`)} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={`Our category, code ${i + 1}`} placeholder="self" {...form.getInputProps(`codes.${i}.category`)} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={`Trust’s code, code ${i + 1}`} {...form.getInputProps(`codes.${i}.code`)} />
                        </Table.Td>
                        <Table.Td>
                          <ActionIcon variant="subtle" color="red" aria-label={`Remove code ${i + 1}`} onClick={() => form.removeListItem('codes', i)}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Group>
                <Button variant="default" size="sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('codes', { measure: '', category: '', code: '' })}>
                  Add a code
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group gap="lg" align="flex-start">
            <NativeSelect
              label="Separator"
              data={[
                { value: ',', label: 'Comma' },
                { value: ';', label: 'Semicolon' },
                { value: '\t', label: 'Tab' },
              ]}
              {...form.getInputProps('delimiter')}
            />
            <Radio.Group label="File type offered first" {...form.getInputProps('fileType')}>
              <Group gap="md" mt={6}>
                <Radio value="csv" label="CSV" />
                <Radio value="xlsx" label="Excel workbook" />
              </Group>
            </Radio.Group>
          </Group>
          <FormFailure error={save.error} fields={['name', 'layout', 'columns', 'separator', 'codes', 'delimiter', 'fileType']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save layout
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
