// Recording a peer worker's training, supervision or other CPD. What was typed stays when the app
// refuses it, with the reasons beside the fields and in the summary at the top.
import { Button, Checkbox, Group, Modal, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../../core/domain/dates';
import { DEVELOPMENT_KIND_LABELS, DEVELOPMENT_KINDS, recordDevelopmentSchema, type DevelopmentKind } from '../../../../core/domain/development';
import { ApiFailure, call } from '../../shared/api';
import { DateField } from '../../shared/DateField';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { FormFailure } from '../../shared/FormFailure';
import { notifySuccess } from '../../shared/notify';
import { setAnswer } from '../../shared/queryKeys';

type Values = { kind: DevelopmentKind; heldOn: string | null; title: string; hours: number | string; supervisor: string; jointWithClinic: boolean; note: string };

function toInput(v: Values, memberId: number) {
  const supervision = v.kind === 'supervision';
  return {
    memberId,
    kind: v.kind,
    heldOn: v.heldOn ?? '',
    title: v.title,
    hours: v.hours === '' ? null : Number(v.hours),
    supervisor: supervision ? v.supervisor : '',
    jointWithClinic: supervision && v.jointWithClinic,
    note: v.note,
  };
}

const TITLE_LABEL: Record<DevelopmentKind, string> = { training: 'Training', supervision: 'What it covered (optional)', cpd: 'What it was' };

export function DevelopmentModal({ memberId, memberName, onClose }: { memberId: number; memberName: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { kind: 'supervision', heldOn: todayIso(), title: '', hours: '', supervisor: '', jointWithClinic: false, note: '' },
    validate: (v) => schemaResolver(recordDevelopmentSchema, { sync: true })(toInput(v, memberId)),
  });
  const save = useMutation({
    mutationFn: (v: Values) => call('development.record', toInput(v, memberId)),
    onSuccess: (entries) => {
      setAnswer(queryClient, 'development.list', { memberId }, entries);
      notifySuccess(`${DEVELOPMENT_KIND_LABELS[form.values.kind]} recorded`);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  const supervision = form.values.kind === 'supervision';
  return (
    <Modal opened onClose={onClose} title={`Record development for ${memberName}`} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ErrorSummary errors={form.errors} />
          <Radio.Group label="What it was" required {...form.getInputProps('kind')}>
            <Group mt={6}>
              {DEVELOPMENT_KINDS.map((k) => (
                <Radio key={k} value={k} label={DEVELOPMENT_KIND_LABELS[k]} data-autofocus={k === form.values.kind || undefined} />
              ))}
            </Group>
          </Radio.Group>
          <Group grow align="flex-start">
            <DateField label="Date" description="DD/MM/YYYY" required {...form.getInputProps('heldOn')} />
            <NumberInput
              label={supervision ? 'Hours (optional)' : 'Hours'}
              description="To the quarter hour, for example 1.5"
              required={!supervision}
              min={0.25}
              max={100}
              step={0.25}
              decimalScale={2}
              allowNegative={false}
              {...form.getInputProps('hours')}
            />
          </Group>
          <TextInput label={TITLE_LABEL[form.values.kind]} required={!supervision} autoComplete="off" maxLength={120} {...form.getInputProps('title')} />
          {supervision && (
            <>
              <TextInput label="Supervisor" required autoComplete="off" maxLength={80} {...form.getInputProps('supervisor')} />
              <Checkbox label="Joint supervision with the clinic’s team" {...form.getInputProps('jointWithClinic', { type: 'checkbox' })} />
            </>
          )}
          <Textarea label="Note (optional)" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
