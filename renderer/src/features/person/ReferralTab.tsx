// The referral: where it came from, how long the person waited, and each attempt to reach them.
import { Button, DataList, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPhonePlus } from '@tabler/icons-react';
import { attemptMethod, attemptOutcome, pathway, REFERRAL_OUTCOMES, referralStatus, type ReferralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { newlyDiagnosedKnown } from '../../../../core/domain/episode';
import type { EpisodeView } from '../../../../core/domain/record';
import type { ReactNode } from 'react';
import { Tag } from '../../shared/Tag';
import { ClosedNote } from './ClosedNote';
import { EditReferralModal } from './EditReferralModal';
import { LogAttemptModal } from './LogAttemptModal';
import { ReferralStatusForm } from './ReferralStatusForm';
import { statusTone } from './tones';
import { StackedTable } from '../../shared/StackedTable';
import { useListLabels } from '../../shared/useProgrammeLists';

export function ReferralTab({ personId, episode, diagnosisMonth }: { personId: number; episode: EpisodeView; diagnosisMonth: string | null }) {
  const listLabel = useListLabels();
  const newlyDiagnosed = newlyDiagnosedKnown(episode.newlyDiagnosed, diagnosisMonth);
  const [editing, editModal] = useDisclosure(false);
  const [logging, logModal] = useDisclosure(false);
  const waiting = !REFERRAL_OUTCOMES.includes(episode.referralStatus as ReferralStatus) && !episode.firstContactOn;
  const attempts = [...episode.attempts].sort((a, b) => (a.attemptedOn < b.attemptedOn ? 1 : a.attemptedOn > b.attemptedOn ? -1 : b.id - a.id));
  return (
    <Stack gap="lg">
      <ClosedNote episode={episode} />
      <section aria-labelledby="referral-heading">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="referral-heading">
            Referral
          </Title>
          {episode.open && (
            <Button variant="default" leftSection={<IconPencil aria-hidden size={16} />} onClick={editModal.open}>
              Edit referral
            </Button>
          )}
        </Group>
        <DataList labelWidth={200} withDivider>
          <Item label="Date referred">{displayDate(episode.referralReceivedOn)}</Item>
          <Item label="Source">{listLabel('referral_source', episode.referralSource)}</Item>
          <Item label="Pathway">{pathway.label(episode.pathway)}</Item>
          <Item label="Referrer organisation">{episode.referrerOrganisation ?? <Text span c="dimmed" size="sm">Not recorded</Text>}</Item>
          <Item label="Reasons">
            {episode.referralReasons ? <span style={{ whiteSpace: 'pre-wrap' }}>{episode.referralReasons}</span> : <Text span c="dimmed" size="sm">Not recorded</Text>}
          </Item>
          <Item label="Newly diagnosed">
            {newlyDiagnosed === null ? (
              <>
                Not known{' '}
                <Text span c="dimmed" size="sm">
                  (no HIV diagnosis month in Details)
                </Text>
              </>
            ) : newlyDiagnosed ? (
              'Yes'
            ) : (
              'No'
            )}
          </Item>
          <Item label="Re-engaging in care">{episode.reEngaging ? 'Yes' : 'No'}</Item>
          <Item label="Status">
            <Tag tone={statusTone(episode.referralStatus)}>{referralStatus.label(episode.referralStatus)}</Tag>
          </Item>
          <Item label="First contact">{episode.firstContactOn ? displayDate(episode.firstContactOn) : 'Not yet'}</Item>
          <Item label="Working days waited">
            {episode.workingDaysWaited}
            {waiting ? ' so far' : ''}
          </Item>
          <Item label="Recorded by">
            {episode.createdByName}, {displayDate(episode.createdAt)}
          </Item>
        </DataList>
        {episode.open && <ReferralStatusForm key={`${episode.id}-${episode.referralStatus}`} personId={personId} episode={episode} />}
      </section>
      <section aria-labelledby="attempts-heading">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="attempts-heading">
            Contact attempts
          </Title>
          {episode.open && (
            <Button leftSection={<IconPhonePlus aria-hidden size={16} />} onClick={logModal.open}>
              Log attempt
            </Button>
          )}
        </Group>
        {attempts.length === 0 ? (
          <Text c="dimmed" size="sm">
            No attempts recorded yet.
          </Text>
        ) : (
          <StackedTable stackBelow="lg" aria-labelledby="attempts-heading" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Date</Table.Th>
                <Table.Th w={150}>Method</Table.Th>
                <Table.Th w={220}>Outcome</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th w={160}>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempts.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td data-label="Date">{displayDate(a.attemptedOn)}</Table.Td>
                  <Table.Td data-label="Method">{attemptMethod.label(a.method)}</Table.Td>
                  <Table.Td data-label="Outcome">{attemptOutcome.label(a.outcome)}</Table.Td>
                  <Table.Td data-label="Note" data-wide style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {a.note}
                  </Table.Td>
                  <Table.Td data-label="By">{a.createdByName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </section>
      {episode.open && (
        <>
          <EditReferralModal opened={editing} onClose={editModal.close} personId={personId} episode={episode} />
          <LogAttemptModal opened={logging} onClose={logModal.close} personId={personId} episodeId={episode.id} />
        </>
      )}
    </Stack>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
