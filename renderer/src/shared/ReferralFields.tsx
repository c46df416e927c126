// The referral's fields, the same wherever a referral is entered: adding a person, a new
// referral for someone already known, and editing a referral.
import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { pathway } from '../../../core/domain/codes';
import { useProgrammeList } from './useProgrammeLists';
import { todayIso } from '../../../core/domain/dates';
import type { EpisodeView } from '../../../core/domain/record';
import { CodeSelect } from './CodeSelect';
import { DateField } from './DateField';

export interface ReferralValues {
  referralReceivedOn: string | null;
  referralSource: string | null;
  pathway: string | null;
  referrerOrganisation: string;
  referralReasons: string;
  reEngaging: boolean;
}

export const REFERRAL_FIELDS = ['referralReceivedOn', 'referralSource', 'pathway', 'referrerOrganisation', 'referralReasons', 'reEngaging'] as const;

/** Source and pathway start empty on purpose: a silent default would skew every return. */
export function emptyReferral(): ReferralValues {
  return { referralReceivedOn: todayIso(), referralSource: null, pathway: null, referrerOrganisation: '', referralReasons: '', reEngaging: false };
}

export function referralValuesOf(e: EpisodeView): ReferralValues {
  return {
    referralReceivedOn: e.referralReceivedOn,
    referralSource: e.referralSource,
    pathway: e.pathway,
    referrerOrganisation: e.referrerOrganisation ?? '',
    referralReasons: e.referralReasons ?? '',
    reEngaging: e.reEngaging,
  };
}

const REENGAGEMENT = 'opt_out_reengagement';

/** What the schemas take. Empty choices go through as '' so the schema names what is missing. */
export function referralInput(v: ReferralValues) {
  return {
    referralReceivedOn: v.referralReceivedOn ?? '',
    referralSource: v.referralSource ?? '',
    pathway: (v.pathway ?? '') as (typeof pathway.codes)[number],
    referrerOrganisation: v.referrerOrganisation,
    referralReasons: v.referralReasons,
    reEngaging: v.pathway === REENGAGEMENT || v.reEngaging,
  };
}

/** Plainer words than the code set's generic "Choose one of the options." */
export function referralChoiceErrors(v: ReferralValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.referralSource) errors.referralSource = 'Choose where the referral came from.';
  if (!v.pathway) errors.pathway = 'Choose the pathway.';
  return errors;
}

export function ReferralFields<T extends ReferralValues>({ form, autoFocus = false }: { form: UseFormReturnType<T>; autoFocus?: boolean }) {
  const sources = useProgrammeList('referral_source');
  const reEngagement = form.values.pathway === REENGAGEMENT;
  const reEngagingProps = form.getInputProps('reEngaging', { type: 'checkbox' });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Date referred" required data-autofocus={autoFocus || undefined} {...form.getInputProps('referralReceivedOn')} />
        <CodeSelect codes={sources.codes(form.values.referralSource)} label="Referral source" placeholder="Choose a source" required {...form.getInputProps('referralSource')} />
        <CodeSelect codes={pathway} label="Pathway" placeholder="Choose a pathway" required {...form.getInputProps('pathway')} />
        <TextInput label="Referrer organisation (optional)" {...form.getInputProps('referrerOrganisation')} />
      </SimpleGrid>
      <Textarea label="Reasons for referral (optional)" autosize minRows={2} maxRows={6} {...form.getInputProps('referralReasons')} />
      <Checkbox
        label="Re-engaging in care after being lost to follow-up"
        description={reEngagement ? 'Always so on the re-engagement pathway.' : undefined}
        {...reEngagingProps}
        checked={reEngagement || Boolean(reEngagingProps.checked)}
        disabled={reEngagement}
      />
    </>
  );
}
