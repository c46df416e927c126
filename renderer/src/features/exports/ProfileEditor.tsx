// Making or changing a custom export profile: its name, the data set, whether it may name people,
// its columns and headers, and who will open the file ("For Excel", "For the trust's system"; the
// raw encoding settings under Advanced). The profile's id is made from its name.
import { Button, Checkbox, Collapse, Fieldset, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { schemaResolver, useForm } from '@mantine/form';
import { CATALOGUE, type Dataset } from '../../../../core/domain/export/catalogue';
import { profileSchema } from '../../../../core/domain/export/profile';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ColumnPicker } from './ColumnPicker';
import { FILE_PRESETS, presetOf } from './filePresets';
import { idFromName, toProfile, type ProfileValues } from './profileForm';
import { useSaveAnswer } from '../../shared/useSaveAnswer';
import { ErrorSummary } from '../../shared/ErrorSummary';

interface Props {
  initial: ProfileValues;
  /** Changing a saved profile: its id stays as it is. */
  editing: boolean;
  /** Ids already used, so a new profile cannot overwrite one by accident. */
  takenIds: string[];
  onClose: () => void;
}

// The id has no input (it is made from the name): a refusal about it is said in FormFailure.
const FIELDS = ['name', 'dataset', 'columns', 'dateFormat', 'codeStyle', 'delimiter', 'bom', 'lineEnding', 'fileType', 'identifiable'];

export function ProfileEditor({ initial, editing, takenIds, onClose }: Props) {
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: initial,
    // The id follows the name: before a name is typed there is none, and only the name's error is said.
    validate: (v) => schemaResolver(profileSchema, { sync: true })(toProfile({ ...v, id: v.id || idFromName(v.name, takenIds) })),
  });
  const save = useSaveAnswer('exports.profiles', {}, (v: ProfileValues) => call('exports.saveProfile', toProfile(v)), {
    success: (v) => ({ message: v.name.trim(), title: editing ? 'Profile saved' : 'Profile added' }),
    form,
    onSaved: onClose,
  });
  const v = form.values;
  const preset = presetOf(v);
  // Settings made by hand (an imported profile's, say) are shown open, so they are seen.
  const [advanced, advancedToggle] = useDisclosure(preset === null || v.delimiter !== ',');
  const setDataset = (dataset: Dataset) => {
    // Columns belong to a data set: those the other one lacks would only be refused on save.
    const known = new Set(CATALOGUE[dataset].map((c) => c.id));
    form.setValues({ dataset, columns: v.columns.filter((c) => known.has(c.id)) });
  };

  return (
    <Modal opened onClose={onClose} title={editing ? `Edit profile: ${initial.name}` : 'New export profile'} size="min(1100px, 96vw)">
      <form onSubmit={form.onSubmit((values) => save.mutate(values), focusFirstInvalid)} noValidate>
        <ErrorSummary errors={form.errors} />
        <Stack gap="md">
          <TextInput
            label="Profile name"
            description={`As it appears in the list of things to export. ${v.id ? `Its files are named ${v.id}_ followed by the period’s dates.` : 'Its files are named after it.'}`}
            required
            data-autofocus
            maw={560}
            {...form.getInputProps('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.setFieldValue('name', name);
              // A saved profile keeps its id (its files and the trust's copy of it use it).
              if (!editing) form.setFieldValue('id', idFromName(name, takenIds));
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Radio.Group label="One row for each" value={v.dataset} onChange={(d) => setDataset(d as Dataset)} error={form.errors.dataset}>
              <Stack gap={6} mt={6}>
                <Radio value="referrals" label="Referral, with its contacts and demographics" />
                <Radio value="outcomes" label="Episode of support, with its outcome scores" />
              </Stack>
            </Radio.Group>
            <Radio.Group
              label="Personal details"
              value={v.identifiable ? 'yes' : 'no'}
              onChange={(x) => form.setFieldValue('identifiable', x === 'yes')}
              description={v.identifiable ? 'Each export will need a confirmation and is recorded in the export log.' : undefined}
            >
              <Stack gap={6} mt={6}>
                <Radio value="no" label="Pseudonymised: case and referral IDs only (advised)" />
                <Radio value="yes" label="Identifiable: may include names, NHS Numbers and dates of birth" />
              </Stack>
            </Radio.Group>
          </SimpleGrid>
          <ColumnPicker dataset={v.dataset} identifiable={v.identifiable} columns={v.columns} onChange={(columns) => form.setFieldValue('columns', columns)} errors={form.errors} />
          <Fieldset legend="File format">
            <Radio.Group label="File type offered first" description="The Export screen starts with this; whoever exports can still choose the other. A workbook always holds real dates shown DD/MM/YYYY; the date style, separator, line endings and byte-order mark below are for CSV." mb="md" {...form.getInputProps('fileType')}>
              <Group gap="lg" mt={6}>
                <Radio value="csv" label="CSV (.csv)" />
                <Radio value="xlsx" label="Excel workbook (.xlsx)" />
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <Radio.Group label="Dates" {...form.getInputProps('dateFormat')}>
                <Stack gap={6} mt={6}>
                  <Radio value="iso" label="2026-10-31 (ISO, as NHS data sets use)" />
                  <Radio value="dmy" label="31/10/2026 (DD/MM/YYYY)" />
                </Stack>
              </Radio.Group>
              <Radio.Group label="Coded answers" {...form.getInputProps('codeStyle')}>
                <Stack gap={6} mt={6}>
                  <Radio value="code" label="Code only: N" />
                  <Radio value="label" label="Label only: Black African" />
                  <Radio value="both" label="Both: N Black African" />
                </Stack>
              </Radio.Group>
              <Radio.Group
                label="Who will open the file"
                value={preset?.id ?? 'custom'}
                onChange={(id) => {
                  const chosen = FILE_PRESETS.find((p) => p.id === id);
                  if (chosen) form.setValues({ bom: chosen.bom, lineEnding: chosen.lineEnding });
                }}
              >
                <Stack gap={6} mt={6}>
                  {FILE_PRESETS.map((p) => (
                    <Radio key={p.id} value={p.id} label={p.label} description={p.description} />
                  ))}
                  {!preset && <Radio value="custom" label="Settings of its own (under Advanced)" />}
                </Stack>
              </Radio.Group>
            </SimpleGrid>
            <Button
              mt="md"
              variant="subtle"
              size="compact-sm"
              leftSection={advanced ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
              aria-expanded={advanced}
              aria-controls="profile-advanced"
              onClick={advancedToggle.toggle}
            >
              Advanced: separator, line endings, byte-order mark
            </Button>
            <Collapse expanded={advanced} id="profile-advanced">
              <Text size="sm" c="dimmed" mt="xs" maw={640}>
                Only for a system that needs something the choices above do not give. Changing these makes the file’s settings its own.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mt="xs">
                <NativeSelect
                  label="Separator between fields"
                  data={[
                    { value: ',', label: 'Comma (,)' },
                    { value: ';', label: 'Semicolon (;)' },
                    { value: '\t', label: 'Tab' },
                  ]}
                  {...form.getInputProps('delimiter')}
                />
                <NativeSelect
                  label="Line endings"
                  data={[
                    { value: 'crlf', label: 'Windows (CRLF)' },
                    { value: 'lf', label: 'Unix (LF)' },
                  ]}
                  {...form.getInputProps('lineEnding')}
                />
                <Checkbox
                  mt={{ sm: 28 }}
                  label="Start with a byte-order mark (BOM)"
                  description="Excel needs it to show accented letters correctly."
                  {...form.getInputProps('bom', { type: 'checkbox' })}
                />
              </SimpleGrid>
            </Collapse>
          </Fieldset>
          <FormFailure error={save.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? 'Save profile' : 'Add profile'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
