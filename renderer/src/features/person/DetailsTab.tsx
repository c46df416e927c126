// Everything about the person, editable in one form. Equality monitoring uses the NHS code sets.
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { borough, contactChannel, ethnicCategory, genderIdentity, sexualOrientation } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { updatePersonSchema } from '../../../../core/domain/person';
import type { PersonRecord } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { siteOptions, useSites } from '../../shared/useSites';
import { CodeSelect } from '../../shared/CodeSelect';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { MonthField } from '../../shared/MonthField';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { detailsInput, detailsValuesOf, type DetailsValues } from './personDetailsForm';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ErrorSummary } from '../../shared/ErrorSummary';

export function DetailsTab({ record }: { record: PersonRecord }) {
  const sites = useSites();
  const form = useForm<DetailsValues>({
    mode: 'controlled',
    initialValues: detailsValuesOf(record),
    validate: (v) => schemaResolver(updatePersonSchema, { sync: true })(detailsInput(record.id, v)),
  });
  const save = useSaveRecord(record.id, (v: DetailsValues) => call('people.update', detailsInput(record.id, v)), {
    success: 'Details saved',
    form,
    onSaved: (saved) => {
      // Show what was stored (the NHS Number spaced, the month tidied), and start clean.
      const values = detailsValuesOf(saved);
      form.setValues(values);
      form.resetDirty(values);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <Stack maw={900}>
        <ErrorSummary errors={form.errors} />
        <Fieldset legend="Identity">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Preferred name" description="The name they like to be called" required {...form.getInputProps('preferredName')} />
            <DateField label="Date of birth" required {...form.getInputProps('dateOfBirth')} />
            <TextInput label="Given name (optional)" description="As the clinic's records have it" autoComplete="off" {...form.getInputProps('givenName')} />
            <TextInput label="Family name (optional)" description="As the clinic's records have it" autoComplete="off" {...form.getInputProps('familyName')} />
            <TextInput label="NHS Number (optional)" description="10 digits; spaces are fine" autoComplete="off" {...form.getInputProps('nhsNumber')} />
            <TextInput label="Hospital number (optional)" description="As the clinic writes it, leading zeros included" autoComplete="off" {...form.getInputProps('hospitalNumber')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Equality monitoring">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CodeSelect codes={genderIdentity} label="Gender identity" placeholder="Not recorded" {...form.getInputProps('genderIdentity')} />
            <CodeSelect codes={sexualOrientation} label="Sexual orientation (asked at 16 and over)" placeholder="Not recorded" {...form.getInputProps('sexualOrientation')} />
            <CodeSelect codes={ethnicCategory} label="Ethnic category" placeholder="Not recorded" searchable {...form.getInputProps('ethnicCategory')} />
            <CodeSelect codes={borough} label="Borough" placeholder="Not recorded" searchable {...form.getInputProps('borough')} />
            <TextInput label="First language (optional)" {...form.getInputProps('firstLanguage')} />
            <Checkbox mt={{ sm: 30 }} label="Needs an interpreter" {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone (optional)" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            <TextInput label="Email (optional)" type="email" autoComplete="off" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Checkbox.Group label="They agree we may contact them by" mt="md" {...form.getInputProps('contactConsent')}>
            <Group mt={6}>
              {contactChannel.list.map((c) => (
                <Checkbox key={c.code} value={c.code} label={c.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox mt="md" label="Safe to leave a message" {...form.getInputProps('safeToLeaveMessage', { type: 'checkbox' })} />
        </Fieldset>
        <Fieldset legend="Care">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MonthField label="HIV diagnosis (optional)" description="Month and year, as MM/YYYY" {...form.getInputProps('diagnosisMonth')} />
            <Select
              label="Clinic site"
              description={sites.data && sites.data.length === 0 ? 'No sites yet: add them in Settings.' : undefined}
              placeholder="Not recorded"
              data={siteOptions(sites.data, form.values.clinicSiteId ? Number(form.values.clinicSiteId) : null)}
              clearable
              {...form.getInputProps('clinicSiteId')}
            />
          </SimpleGrid>
        </Fieldset>
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Added by {record.createdByName} on {displayDate(record.createdAt)}; last changed {displayDate(record.updatedAt)}.
          </Text>
          <Group gap="sm">
            {form.isDirty() && (
              <Text size="sm" c="dimmed">
                Unsaved changes
              </Text>
            )}
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              Undo changes
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save details
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
