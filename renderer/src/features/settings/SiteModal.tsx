// Adding or editing one clinic site. What was typed stays when the app refuses it.
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { siteSchema, type Site } from '../../../../core/domain/site';
import { ApiFailure, call } from '../../shared/api';
import { setAnswer } from '../../shared/queryKeys';
import { notifySuccess } from '../../shared/notify';
import { FormFailure } from '../../shared/FormFailure';

type Values = { name: string; odsCode: string; active: boolean };

export function SiteModal({ site, onClose }: { site: Site | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: site ? { name: site.name, odsCode: site.odsCode, active: site.active } : { name: '', odsCode: '', active: true },
    validate: schemaResolver(siteSchema, { sync: true }),
  });
  const save = useMutation({
    mutationFn: (v: Values) => call('sites.save', { ...v, ...(site ? { id: site.id } : {}) }),
    onSuccess: (all) => {
      setAnswer(queryClient, 'sites.list', {}, all);
      notifySuccess(site ? 'Site saved' : 'Site added');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened onClose={onClose} title={site ? 'Edit clinic site' : 'Add a clinic site'}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <TextInput label="Site name" required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <TextInput
            label="ODS code"
            description="1 to 9 letters and digits, for example RQM01"
            required
            autoComplete="off"
            styles={{ wrapper: { maxWidth: 220 }, input: { textTransform: 'uppercase' } }}
            {...form.getInputProps('odsCode')}
          />
          <Checkbox
            label="In use"
            description="A site no longer used stays on older records but is not offered for new ones."
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {site ? 'Save site' : 'Add site'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
