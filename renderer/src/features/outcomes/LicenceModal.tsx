// Confirming (or withdrawing) that the organisation holds an instrument's licence. The question
// is asked in so many words, because saying yes makes licensed wording appear on every PC.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import { LICENCES, type LicenceId } from '../../../../core/domain/settings';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { notifySuccess } from '../../shared/notify';
import { refreshAfterOutcomeSettings } from './queries';
import { setAnswer } from '../../shared/queryKeys';
import { WARNING_TITLE } from '../../shared/contrast';

export interface LicenceAsk {
  licence: LicenceId;
  /** Confirm, or withdraw a confirmation. */
  confirm: boolean;
  /** Switch this instrument on once the licence is confirmed (the switch that asked). */
  thenEnable?: InstrumentId;
  enabledNow: InstrumentId[];
}

export function licenceNote(licence: LicenceId): string {
  return INSTRUMENTS[LICENCES[licence].instruments[0]].licence.note;
}

export function LicenceModal({ ask, onClose }: { ask: LicenceAsk | null; onClose: () => void }) {
  return (
    <Modal opened={ask !== null} onClose={onClose} title={ask?.confirm === false ? 'Withdraw the licence confirmation?' : 'Does your organisation hold this licence?'} size="lg">
      {ask && <LicenceQuestion ask={ask} onClose={onClose} />}
    </Modal>
  );
}

function LicenceQuestion({ ask, onClose }: { ask: LicenceAsk; onClose: () => void }) {
  const queryClient = useQueryClient();
  const licence = LICENCES[ask.licence];
  const names = licence.instruments.map((i) => INSTRUMENTS[i].shortName).join(' and ');
  // PozQoL's wording is never shipped, so confirming its licence does not make any appear.
  const wordingShipped = licence.instruments.some((i) => INSTRUMENTS[i].items.some((item) => item.text !== null));
  const save = useMutation({
    mutationFn: async () => {
      const licences = await call('licences.confirm', { licence: ask.licence, confirmed: ask.confirm });
      setAnswer(queryClient, 'licences.get', {}, licences);
      if (ask.confirm && ask.thenEnable) {
        const settings = await call('settings.update', { enabledInstruments: [...new Set([...ask.enabledNow, ask.thenEnable])] });
        setAnswer(queryClient, 'settings.get', {}, settings);
      } else if (!ask.confirm) {
        // Withdrawing switches the instruments off in the app; show the settings as they now are.
        setAnswer(queryClient, 'settings.get', {}, await call('settings.get', {}));
      }
    },
    onSuccess: () => {
      refreshAfterOutcomeSettings(queryClient);
      notifySuccess(
        ask.confirm ? `Licence confirmed${ask.thenEnable ? `; ${INSTRUMENTS[ask.thenEnable].shortName} switched on` : ''}` : `Licence confirmation withdrawn; ${names} switched off`,
      );
      onClose();
    },
  });
  return (
    <Stack>
      <Text fw={700}>{licence.label}</Text>
      <Text size="sm">{licenceNote(ask.licence)}</Text>
      {ask.confirm ? (
        <Text size="sm">
          Say yes only if your organisation has registered with the licence holder. Your name and today’s date are recorded with the confirmation, and {names} can
          then be switched on.{wordingShipped ? ` Its question wording is then shown when recording.` : ' Workers read the questions from your licensed form.'}
        </Text>
      ) : (
        <Alert color="orange" variant="light" title={`${names} will be switched off`} styles={WARNING_TITLE}>
          <Text size="sm" c="var(--mantine-color-text)">
            Assessments already recorded are kept, with their scores. New ones cannot be recorded until the licence is confirmed again.
          </Text>
        </Alert>
      )}
      <FormFailure error={save.error} fields={[]} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {ask.confirm ? 'No, not yet' : 'Keep the confirmation'}
        </Button>
        <Button color={ask.confirm ? undefined : 'red.9'} onClick={() => save.mutate()} loading={save.isPending}>
          {ask.confirm ? 'Yes, we hold this licence' : 'Withdraw confirmation'}
        </Button>
      </Group>
    </Stack>
  );
}
