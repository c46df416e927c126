// Settings for outcomes: which instruments workers may record, the licences some of them need,
// the follow-up interval and the escalation route for a risk answer.
import { Alert, Button, Divider, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import type { InstrumentView } from '../../../../core/domain/instruments/view';
import { LICENCES, licenceFor, type LicenceId, type Licences } from '../../../../core/domain/settings';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { Tag } from '../../shared/Tag';
import { useSettings } from '../../shared/useSettings';
import { setAnswer } from '../../shared/queryKeys';
import { notifySuccess } from '../../shared/notify';
import { AssessmentRulesForm } from './AssessmentRulesForm';
import { LicenceModal, licenceNote, type LicenceAsk } from './LicenceModal';
import { refreshAfterOutcomeSettings, useInstruments, useLicences } from './queries';

export function InstrumentSettings() {
  const instruments = useInstruments();
  const licences = useLicences();
  const settings = useSettings();
  const failed = instruments.error ?? licences.error ?? settings.error;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="instrument-settings-heading">
      <Stack>
        <Title order={3} size="h4" id="instrument-settings-heading">
          Outcome instruments
        </Title>
        {failed ? (
          <Alert color="red" role="alert">
            {errorMessage(failed)}
          </Alert>
        ) : !instruments.data || !licences.data || !settings.data ? (
          <Loader role="status" aria-label="Loading the outcome settings" />
        ) : (
          <>
            <Instruments instruments={instruments.data} licences={licences.data} />
            <Divider />
            <AssessmentRulesForm saved={settings.data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Instruments({ instruments, licences }: { instruments: InstrumentView[]; licences: Licences }) {
  const queryClient = useQueryClient();
  const [ask, setAsk] = useState<LicenceAsk | null>(null);
  const enabledNow = instruments.filter((i) => i.enabled).map((i) => i.id);
  const toggle = useMutation({
    mutationFn: ({ id, on }: { id: InstrumentId; on: boolean }) =>
      call('settings.update', { enabledInstruments: on ? [...enabledNow, id] : enabledNow.filter((x) => x !== id) }),
    onSuccess: (next, { id, on }) => {
      setAnswer(queryClient, 'settings.get', {}, next);
      refreshAfterOutcomeSettings(queryClient);
      notifySuccess(`${instruments.find((i) => i.id === id)?.shortName} switched ${on ? 'on' : 'off'}`);
    },
  });
  const flip = (i: InstrumentView, on: boolean) => {
    const licence = licenceFor(i.id);
    // Switching a licensed instrument on asks about the licence first, then switches it on.
    if (on && !i.licensed && licence) setAsk({ licence, confirm: true, thenEnable: i.id, enabledNow });
    else toggle.mutate({ id: i.id, on });
  };
  return (
    <Stack>
      <Text size="sm">
        Switch on the questionnaires workers may record. Each is scored as its authors set out; WEMWBS, SWEMWBS and PozQoL need your organisation’s licence confirmed
        before they can be used. Switching one off keeps everything already recorded.
      </Text>
      <Stack gap="sm" role="group" aria-label="Instruments workers may record">
        {instruments.map((i) => (
          <Switch
            key={i.id}
            checked={i.enabled}
            onChange={(e) => flip(i, e.currentTarget.checked)}
            disabled={toggle.isPending}
            label={i.shortName}
            description={`${i.name}.${i.licence.requiresConfirmation && !i.licensed ? ' Needs the licence confirmed: switching it on asks.' : ''}`}
            // Mantine's off track (gray.3) is 1.3:1 on white; this grey is 4.9:1, so "off" can be seen.
            styles={{ label: { fontWeight: 600 }, track: i.enabled ? undefined : { backgroundColor: '#6a7178', borderColor: '#6a7178' } }}
          />
        ))}
      </Stack>
      {toggle.isError && (
        <Alert color="red" role="alert">
          {toggle.error instanceof ApiFailure && toggle.error.error.fields?.enabledInstruments ? toggle.error.error.fields.enabledInstruments : errorMessage(toggle.error)}
        </Alert>
      )}
      <Divider />
      <Title order={4}>Licences</Title>
      {(Object.keys(LICENCES) as LicenceId[]).map((id) => (
        <LicenceRow key={id} id={id} confirmation={licences[id]} onAsk={(confirm) => setAsk({ licence: id, confirm, enabledNow })} />
      ))}
      <LicenceModal ask={ask} onClose={() => setAsk(null)} />
    </Stack>
  );
}

function LicenceRow({ id, confirmation, onAsk }: { id: LicenceId; confirmation: Licences[LicenceId]; onAsk: (confirm: boolean) => void }) {
  const labelId = `licence-${id}`;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Text fw={700} id={labelId}>
            {LICENCES[id].label}
          </Text>
          {confirmation ? <Tag tone="good">Confirmed</Tag> : <Tag tone="warning">Not confirmed</Tag>}
        </Group>
        <Text size="sm">{licenceNote(id)}</Text>
        {confirmation && (
          <Text size="sm" c="dimmed">
            Confirmed by {confirmation.confirmedByName} on {displayDate(confirmation.confirmedOn)}.
          </Text>
        )}
      </Stack>
      <Button variant="default" size="sm" style={{ flexShrink: 0 }} aria-describedby={labelId} onClick={() => onAsk(!confirmation)}>
        {confirmation ? 'Withdraw' : 'Confirm licence'}
      </Button>
    </Group>
  );
}
