// Correcting a referral's details.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { updateReferralSchema } from '../../../../core/domain/episode';
import type { EpisodeView } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { REFERRAL_FIELDS, referralChoiceErrors, ReferralFields, referralInput, referralValuesOf, type ReferralValues } from '../../shared/ReferralFields';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ErrorSummary } from '../../shared/ErrorSummary';

interface Props {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episode: EpisodeView;
}

export function EditReferralModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit referral" size="lg">
      <EditReferralForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function EditReferralForm({ onClose, personId, episode }: Omit<Props, 'opened'>) {
  const toInput = (v: ReferralValues) => ({ episodeId: episode.id, ...referralInput(v) });
  const form = useForm<ReferralValues>({
    mode: 'controlled',
    initialValues: referralValuesOf(episode),
    validate: (v) => ({ ...schemaResolver(updateReferralSchema, { sync: true })(toInput(v)), ...referralChoiceErrors(v) }),
  });
  const save = useSaveRecord(personId, (v: ReferralValues) => call('episodes.updateReferral', toInput(v)), { success: 'Referral updated', form, onSaved: onClose });
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
            Save referral
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
