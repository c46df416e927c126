// Recording an outcome assessment: the instrument, when and how it was done, and an answer to
// each question. Digits answer from the keyboard; the score shows live; a risk answer prompts at
// once. Refusals keep every answer: missing items are marked beside them, and "too soon to
// repeat" offers to record it anyway.
import { Alert, Button, Group, Loader, Modal, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useEffect, useRef, useState } from 'react';
import { assessmentMethod, type Assessment } from '../../../../core/domain/assessment';
import { displayDate, todayIso } from '../../../../core/domain/dates';
import type { InstrumentView } from '../../../../core/domain/instruments/view';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import type { PersonRecord } from '../../../../core/domain/record';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { useSettings } from '../../shared/useSettings';
import { AssessmentQuestions } from './AssessmentQuestions';
import { formErrors, itemErrorKey, toInput, type AssessmentValues } from './assessmentForm';
import { LiveScore } from './LiveScore';
import { useInstruments } from './queries';
import { RiskPrompt } from './RiskPrompt';
import { DANGER_TITLE, WARNING_TITLE } from '../../shared/contrast';
import { ErrorSummary } from '../../shared/ErrorSummary';

export interface RecordAssessmentModalProps {
  opened: boolean;
  onClose: () => void;
  record: PersonRecord;
  episodeId: number;
  /** Start on this instrument (from a "due" row). */
  instrument?: InstrumentId;
  /** A follow-up 6–12 months after a closed episode ended, in this window (sustained change). */
  afterClosure?: { from: string; to: string };
  /** Correcting a saved assessment: its answers, date and method (the instrument stays), scored again on save. */
  editing?: Assessment;
}

export function RecordAssessmentModal({ opened, onClose, ...rest }: RecordAssessmentModalProps) {
  // While the risk prompt is up, Escape must not close the form underneath it with the answers.
  const [prompting, setPrompting] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={rest.editing ? 'Correct an assessment' : rest.afterClosure ? 'Record a follow-up after closure' : 'Record an assessment'}
      size="xl"
      closeOnClickOutside={false}
      closeOnEscape={!prompting}
      // Room under whatever has focus for the sticky score and buttons, so they never cover it.
      styles={{ content: { scrollPaddingBottom: 96 } }}
    >
      <Loaded onClose={onClose} onPrompting={setPrompting} {...rest} />
    </Modal>
  );
}

type LoadedProps = Omit<RecordAssessmentModalProps, 'opened'> & { onPrompting: (on: boolean) => void };

function Loaded(props: LoadedProps) {
  const instruments = useInstruments();
  if (instruments.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(instruments.error)}
      </Alert>
    );
  if (!instruments.data) return <Loader role="status" aria-label="Loading the instruments" />;
  // A saved assessment is corrected on its own instrument, even one since switched off.
  const enabled = props.editing ? instruments.data.filter((i) => i.id === props.editing!.instrument) : instruments.data.filter((i) => i.enabled);
  if (enabled.length === 0)
    return (
      <Stack>
        <Alert color="gray" variant="light" title="No instruments are switched on">
          <Text size="sm" c="var(--mantine-color-text)">
            A coordinator can switch on the questionnaires your service uses in Settings, under Outcome instruments.
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  return <AssessmentForm {...props} enabled={enabled} />;
}

function AssessmentForm({ onClose, onPrompting, record, episodeId, instrument, enabled, afterClosure, editing }: LoadedProps & { enabled: InstrumentView[] }) {
  const escalationRoute = useSettings().data?.escalationRoute;
  const formRef = useRef<HTMLFormElement>(null);
  const [prompt, setPrompt] = useState(false);
  const first = enabled.find((i) => i.id === instrument)?.id ?? (enabled.length === 1 ? enabled[0].id : '');
  const form = useForm<AssessmentValues>({
    mode: 'controlled',
    initialValues: editing
      ? { instrument: editing.instrument, completedOn: editing.completedOn, method: editing.method, answers: { [editing.instrument]: editing.responses } }
      : { instrument: first, completedOn: afterClosure ? (todayIso() <= afterClosure.to ? todayIso() : null) : todayIso(), method: 'self_completed', answers: {} },
    onValuesChange: (v, previous) => {
      // "Too soon" was about the date and instrument that were asked; a new one asks again.
      if (v.completedOn !== previous.completedOn || v.instrument !== previous.instrument) save.reset();
    },
  });
  const def = enabled.find((i) => i.id === form.values.instrument);
  const answers = (def && form.values.answers[def.id]) || {};
  // A correction raises a flag only when it newly crosses the line: one already raised stays.
  const risk = !!def?.riskItem && (answers[def.riskItem.item] ?? 0) > def.riskItem.above && !editing?.risk;

  const save = useSaveRecord(
    record.id,
    (input: ReturnType<typeof toInput>) =>
      editing ? call('assessments.update', { id: editing.id, completedOn: input.completedOn, method: input.method, responses: input.responses }) : call('assessments.record', input),
    {
      success: editing
        ? `Assessment corrected and scored again${risk ? '. A risk flag is now on the record.' : ''}`
        : risk
          ? 'Assessment recorded. A risk flag is now on the record.'
          : 'Assessment recorded',
      form: { setErrors: (errors) => form.setErrors(formErrors(errors, form.values.instrument)) },
      onSaved: onClose,
    },
  );
  const failure = save.error instanceof ApiFailure ? save.error.error : null;
  const tooSoon = failure?.code === 'CONFLICT';
  // The summary of missing items goes once every item it named has been answered.
  const missingItems = failure?.code === 'VALIDATION' && Object.keys(form.errors).some((k) => k.startsWith('answers.'));

  // Refused as too soon: focus on "Record anyway". Unanswered items and other field errors are
  // listed, with links, by the error summary at the top, which takes focus itself.
  useEffect(() => {
    if (!failure) return;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[data-record-anyway]')?.focus());
  }, [failure]);

  useEffect(() => onPrompting(prompt), [prompt, onPrompting]);

  const choose = useCallback(
    (itemId: string, value: number) => {
      if (!def) return;
      const mine = form.getValues().answers[def.id] ?? {};
      const r = def.riskItem;
      // Prompt the moment a risk answer is chosen, not on save; once per crossing of the line.
      if (r && itemId === r.item && value > r.above && !((mine[itemId] ?? 0) > r.above)) setPrompt(true);
      form.setFieldValue('answers', { ...form.getValues().answers, [def.id]: { ...mine, [itemId]: value } });
      form.clearFieldError(itemErrorKey(def.id, itemId));
    },
    [def, form],
  );

  const submit = (allowEarly: boolean) => {
    if (!def) {
      form.setFieldError('instrument', 'Choose an instrument.');
      return;
    }
    save.mutate(toInput(form.getValues(), def, episodeId, allowEarly, !!afterClosure));
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <ErrorSummary
        errors={form.errors}
        message={missingItems ? failure?.message : undefined}
        // An item's own message ("Answer this item.") needs its number in a list of links.
        describe={(path, m) => {
          const index = def?.items.findIndex((i) => itemErrorKey(def.id, i.id) === path) ?? -1;
          return index >= 0 ? `Item ${index + 1}: ${String(m)}` : m;
        }}
      />
      <Stack gap="md">
        {afterClosure && (
          <Alert color="blue" variant="light" title="After support ended">
            <Text size="sm" c="var(--mantine-color-text)">
              This follow-up is kept apart from the assessments made during support and set against the same baseline, to show whether change lasted. It can be dated
              from {displayDate(afterClosure.from)} to {displayDate(afterClosure.to)}.
            </Text>
          </Alert>
        )}
        {editing && (
          <Alert color="blue" variant="light" title="Correcting a saved assessment">
            <Text size="sm" c="var(--mantine-color-text)">
              Change what was recorded wrongly. On save it is scored again with the questionnaire’s own scoring, and the change is noted in the audit log.
            </Text>
          </Alert>
        )}
        <Radio.Group label="Instrument" required {...form.getInputProps('instrument')}>
          <Group gap="md" mt={6}>
            {enabled.map((i) => (
              <Radio key={i.id} value={i.id} label={i.shortName} data-autofocus={i.id === form.values.instrument || (!form.values.instrument && i === enabled[0]) ? true : undefined} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Completed on" required {...form.getInputProps('completedOn')} />
          <CodeRadios codes={assessmentMethod} label="How it was completed" required {...form.getInputProps('method')} />
        </SimpleGrid>
        {def && <AssessmentQuestions def={def} answers={answers} errors={form.errors} choose={choose} formRef={formRef} />}
        {risk && (
          <Alert color="red" variant="outline" title="A risk flag will be raised when you save" styles={DANGER_TITLE}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {escalationRoute}
            </Text>
          </Alert>
        )}
        {tooSoon ? (
          <Alert color="orange" variant="light" role="alert" title="Too soon to repeat" styles={WARNING_TITLE}>
            <Text size="sm" c="var(--mantine-color-text)">
              {failure?.message} Check the date, or record it anyway if it was repeated early on purpose.
            </Text>
            <Button mt="xs" size="xs" color="#7a4100" data-record-anyway onClick={() => submit(true)} loading={save.isPending}>
              Record anyway
            </Button>
          </Alert>
        ) : missingItems ? null : (
          <FormFailure error={save.error} fields={['instrument', 'completedOn', 'method', 'responses']} />
        )}
        {/* The score and Save stay in view while the questions scroll under them. */}
        <Group
          justify="space-between"
          align="center"
          gap="sm"
          py="sm"
          style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-4)', zIndex: 1 }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>{def && <LiveScore def={def} answers={answers} />}</div>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending && !tooSoon} data-after-questions>
              {editing ? 'Save correction' : 'Save assessment'}
            </Button>
          </Group>
        </Group>
      </Stack>
      {def && <RiskPrompt opened={prompt} onClose={() => setPrompt(false)} def={def} escalationRoute={escalationRoute} />}
    </form>
  );
}
