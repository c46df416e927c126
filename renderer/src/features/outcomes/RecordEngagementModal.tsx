// Engagement with care, as the clinic tells it: viral load, self-reported adherence,
// appointments kept and missed since the last review, and (for re-engagement referrals) whether
// the person is back in care. Everything but the date is optional: record what is known.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { adherence, engagementReviewSchema, type EngagementReview, type EngagementReviewInput } from '../../../../core/domain/assessment';
import { todayIso } from '../../../../core/domain/dates';
import type { PersonRecord } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { useSaveRecord } from '../../shared/useSaveRecord';

export interface RecordEngagementModalProps {
  opened: boolean;
  onClose: () => void;
  record: PersonRecord;
  episodeId: number;
  /** Correcting a saved review: the form starts from it and saves the correction. */
  editing?: EngagementReview;
}

export function RecordEngagementModal({ opened, onClose, ...rest }: RecordEngagementModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.editing ? 'Correct an engagement review' : 'Record an engagement review'} size="lg">
      <EngagementForm onClose={onClose} {...rest} />
    </Modal>
  );
}

type Tri = 'yes' | 'no' | 'unknown';
const NOT_ASKED = 'not_asked';

/** Field names match the schema's, so the app's refusals land beside the right field. */
interface Values {
  reviewedOn: string | null;
  viralLoadUndetectable: Tri;
  viralLoadOn: string | null;
  adherence: string;
  appointmentsKept: number | string;
  appointmentsMissed: number | string;
  reengagedInCare: Tri;
  note: string;
}

const YES_NO_UNKNOWN = { list: [
  { code: 'yes', label: 'Yes' },
  { code: 'no', label: 'No' },
  { code: 'unknown', label: 'Not known' },
] };
const VIRAL_LOAD = { list: [
  { code: 'yes', label: 'Undetectable' },
  { code: 'no', label: 'Detectable' },
  { code: 'unknown', label: 'Not known' },
] };

const tri = (v: Tri) => (v === 'unknown' ? null : v === 'yes');
const count = (v: number | string) => (v === '' ? null : Number(v));

function toInput(v: Values, episodeId: number, reEngaging: boolean): EngagementReviewInput {
  const viralLoad = tri(v.viralLoadUndetectable);
  return {
    episodeId,
    reviewedOn: v.reviewedOn ?? '',
    viralLoadUndetectable: viralLoad,
    viralLoadOn: viralLoad === null ? null : v.viralLoadOn,
    adherence: v.adherence === NOT_ASKED ? null : (v.adherence as EngagementReviewInput['adherence']),
    appointmentsKept: count(v.appointmentsKept),
    appointmentsMissed: count(v.appointmentsMissed),
    reengagedInCare: reEngaging ? tri(v.reengagedInCare) : null,
    note: v.note,
  };
}

const toTri = (v: boolean | null): Tri => (v === null ? 'unknown' : v ? 'yes' : 'no');

function EngagementForm({ onClose, record, episodeId, editing }: Omit<RecordEngagementModalProps, 'opened'>) {
  const reEngaging = record.episodes.find((e) => e.id === episodeId)?.reEngaging ?? false;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: editing
      ? {
          reviewedOn: editing.reviewedOn,
          viralLoadUndetectable: toTri(editing.viralLoadUndetectable),
          viralLoadOn: editing.viralLoadOn,
          adherence: editing.adherence ?? NOT_ASKED,
          appointmentsKept: editing.appointmentsKept ?? '',
          appointmentsMissed: editing.appointmentsMissed ?? '',
          reengagedInCare: toTri(editing.reengagedInCare),
          note: editing.note ?? '',
        }
      : {
          reviewedOn: todayIso(),
          viralLoadUndetectable: 'unknown',
          viralLoadOn: null,
          adherence: NOT_ASKED,
          appointmentsKept: '',
          appointmentsMissed: '',
          reengagedInCare: 'unknown',
          note: '',
        },
    validate: (v) => schemaResolver(engagementReviewSchema, { sync: true })(toInput(v, episodeId, reEngaging)),
  });
  const save = useSaveRecord(
    record.id,
    (input: EngagementReviewInput) => {
      if (!editing) return call('engagement.record', input);
      const { episodeId: _episode, ...fields } = input;
      return call('engagement.update', { id: editing.id, ...fields });
    },
    { success: editing ? 'Engagement review corrected' : 'Engagement review recorded', form, onSaved: onClose },
  );
  const number = { allowDecimal: false, allowNegative: false, clampBehavior: 'none', hideControls: true } as const;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(toInput(v, episodeId, reEngaging)), focusFirstInvalid)} noValidate>
      <Stack>
        <DateField label="Date of the review" required data-autofocus {...form.getInputProps('reviewedOn')} />
        <CodeRadios codes={VIRAL_LOAD} label="Viral load, as the clinic reports it" {...form.getInputProps('viralLoadUndetectable')} />
        {form.values.viralLoadUndetectable !== 'unknown' && (
          <DateField label="Date of the viral load result" required maw={300} {...form.getInputProps('viralLoadOn')} />
        )}
        <CodeRadios
          codes={adherence}
          extra={[{ code: NOT_ASKED, label: 'Not asked' }]}
          inline={false}
          label="HIV treatment (ART) adherence, in the person’s words"
          {...form.getInputProps('adherence')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label="Clinic appointments kept (optional)" description="Since the last review" {...number} {...form.getInputProps('appointmentsKept')} />
          <NumberInput label="Clinic appointments missed (optional)" description="Since the last review" {...number} {...form.getInputProps('appointmentsMissed')} />
        </SimpleGrid>
        {reEngaging && <CodeRadios codes={YES_NO_UNKNOWN} label="Back in care (re-engaged with the clinic)" {...form.getInputProps('reengagedInCare')} />}
        <Textarea label="Note (optional)" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Save correction' : 'Save review'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
