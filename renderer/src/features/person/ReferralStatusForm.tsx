// Setting the referral's status by hand, e.g. "not contactable" after the attempts have run out.
// Attempts move it on their own (spoke: wants support → engaged), so this is for the rest.
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { referralStatus } from '../../../../core/domain/codes';
import type { EpisodeView } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { CodeSelect } from '../../shared/CodeSelect';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';

export function ReferralStatusForm({ personId, episode }: { personId: number; episode: EpisodeView }) {
  const [status, setStatus] = useState<string | null>(episode.referralStatus);
  const save = useSaveRecord(personId, (s: string) => call('episodes.setReferralStatus', { episodeId: episode.id, status: s as (typeof referralStatus.codes)[number] }), {
    success: 'Referral status updated',
  });
  const changed = status !== null && status !== episode.referralStatus;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) save.mutate(status);
      }}
      noValidate
    >
      <Group align="flex-end" mt="md" gap="sm">
        <CodeSelect codes={referralStatus} label="Change the status" value={status} onChange={setStatus} allowDeselect={false} w={260} />
        <Button type="submit" variant="default" disabled={!changed} loading={save.isPending}>
          Set status
        </Button>
      </Group>
      <FormFailure error={save.error} fields={[]} />
    </form>
  );
}
