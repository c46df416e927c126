// A new referral for someone already on the caseload whose earlier episodes are all closed.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { newEpisodeSchema } from '../../../../core/domain/episode';
import type { PersonRecord } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { emptyReferral, REFERRAL_FIELDS, referralChoiceErrors, ReferralFields, referralInput, type ReferralValues } from '../../shared/ReferralFields';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ErrorSummary } from '../../shared/ErrorSummary';

interface Props {
  opened: boolean;
  onClose: () => void;
  personId: number;
  onSaved: (record: PersonRecord) => void;
}

export function NewReferralModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="New referral" size="lg">
      <NewReferralForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function NewReferralForm({ onClose, personId, onSaved }: Omit<Props, 'opened'>) {
  const toInput = (v: ReferralValues) => ({ personId, ...referralInput(v) });
  const form = useForm<ReferralValues>({
    mode: 'controlled',
    initialValues: emptyReferral(),
    validate: (v) => ({ ...schemaResolver(newEpisodeSchema, { sync: true })(toInput(v)), ...referralChoiceErrors(v) }),
  });
  const save = useSaveRecord(personId, (v: ReferralValues) => call('episodes.create', toInput(v)), {
    success: 'Referral added',
    form,
    onSaved: (record) => {
      onClose();
      onSaved(record);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <ErrorSummary errors={form.errors} />
      <Stack>
        <ReferralFields form={form} autoFocus />
        <FormFailure error={save.error} fields={REFERRAL_FIELDS} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Add referral
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
