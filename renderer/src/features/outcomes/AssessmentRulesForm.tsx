// How often follow-up assessments fall due, and what a worker is told to do at once when an
// answer suggests risk. Saved on their own, so the rest of Settings is not sent with them.
import { Button, Group, NumberInput, Stack, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsSchema, type Settings } from '../../../../core/domain/settings';
import { ApiFailure, call } from '../../shared/api';
import { setAnswer } from '../../shared/queryKeys';
import { notifySuccess } from '../../shared/notify';
import { refreshAfterOutcomeSettings } from './queries';
import { FormFailure } from '../../shared/FormFailure';

const rulesSchema = settingsSchema.pick({ assessmentIntervalWeeks: true, escalationRoute: true });
type Rules = Pick<Settings, 'assessmentIntervalWeeks' | 'escalationRoute'>;

export function AssessmentRulesForm({ saved }: { saved: Rules }) {
  const queryClient = useQueryClient();
  const form = useForm<Rules>({
    mode: 'controlled',
    initialValues: { assessmentIntervalWeeks: saved.assessmentIntervalWeeks, escalationRoute: saved.escalationRoute },
    validate: schemaResolver(rulesSchema, { sync: true }),
  });
  const save = useMutation({
    mutationFn: (v: Rules) => call('settings.update', v),
    onSuccess: (next) => {
      setAnswer(queryClient, 'settings.get', {}, next);
      form.resetDirty({ assessmentIntervalWeeks: next.assessmentIntervalWeeks, escalationRoute: next.escalationRoute });
      refreshAfterOutcomeSettings(queryClient);
      notifySuccess('Assessment settings saved');
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Title order={4}>Schedule and risk</Title>
        <NumberInput
          label="Follow-up assessments are due every this many weeks"
          description="After each assessment, the next of the same instrument falls due this many weeks later (2 to 52). The first is due at first contact."
          min={2}
          max={52}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          styles={{ wrapper: { width: 140 } }}
          {...form.getInputProps('assessmentIntervalWeeks')}
        />
        <Textarea
          label="Escalation route: what to do at once when someone may be at risk"
          description="Shown to the worker the moment PHQ-9 item 9 is answered above 0. Use your clinic’s own words: who to tell, and the numbers to call."
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('escalationRoute')}
        />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save schedule and risk
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
