// Making or changing a custom export profile: its name and id, the data set, whether it may
// name people, its columns and headers, and the file format a trust's systems expect.
import { Button, Checkbox, Fieldset, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CATALOGUE, type Dataset } from '../../../../core/domain/export/catalogue';
import { profileSchema } from '../../../../core/domain/export/profile';
import { ApiFailure, call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { notifySuccess } from '../../shared/notify';
import { ColumnPicker } from './ColumnPicker';
import { slug, toProfile, type ProfileValues } from './profileForm';
import { setAnswer } from '../../shared/queryKeys';
import { ErrorSummary } from '../../shared/ErrorSummary';

interface Props {
  initial: ProfileValues;
  /** Changing a saved profile: its id stays as it is. */
  editing: boolean;
  /** Ids already used, so a new profile cannot overwrite one by accident. */
  takenIds: string[];
  onClose: () => void;
}

const FIELDS = ['id', 'name', 'dataset', 'columns', 'dateFormat', 'codeStyle', 'delimiter', 'bom', 'lineEnding', 'identifiable'];

export function ProfileEditor({ initial, editing, takenIds, onClose }: Props) {
  const queryClient = useQueryClient();
  // A new profile's id follows its name until the person types an id of their own.
  const [idTyped, setIdTyped] = useState(editing || initial.id !== '');
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (v) => {
      const errors = schemaResolver(profileSchema, { sync: true })(toProfile(v));
      if (!editing && takenIds.includes(v.id.trim())) errors.id = 'Another profile already has this id: choose a different one.';
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (v: ProfileValues) => call('exports.saveProfile', toProfile(v)),
    onSuccess: (profiles, v) => {
      setAnswer(queryClient, 'exports.profiles', {}, profiles);
      notifySuccess(v.name.trim(), editing ? 'Profile saved' : 'Profile added');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  const v = form.values;
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Profile name"
              description="As it appears in the list of things to export."
              required
              data-autofocus
              {...form.getInputProps('name')}
              onChange={(e) => {
                const name = e.currentTarget.value;
                form.setFieldValue('name', name);
                if (!idTyped) form.setFieldValue('id', slug(name));
              }}
            />
            <TextInput
              label="Profile id"
              description={editing ? 'The id of a saved profile stays the same. Save a copy to use another.' : 'Used in file names: lower-case letters, digits, - and _.'}
              required
              readOnly={editing}
              maxLength={40}
              {...form.getInputProps('id')}
              onChange={(e) => {
                setIdTyped(true);
                form.setFieldValue('id', e.currentTarget.value);
              }}
            />
          </SimpleGrid>
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
              <Stack gap="sm">
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
                  label="Start with a byte-order mark (BOM)"
                  description="Excel needs it to show accented letters correctly."
                  {...form.getInputProps('bom', { type: 'checkbox' })}
                />
              </Stack>
            </SimpleGrid>
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
