// A person's record: who they are, any open risk, the episode of support in view, and a tab for
// each kind of record. Nothing identifying goes into the window title.
import { Alert, Button, Loader, Stack, Tabs } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../shared/api';
import { useNavigation } from '../../shared/navigation';
import { OutcomesPanel } from '../outcomes';
import { ContactsTab } from './ContactsTab';
import { DetailsTab } from './DetailsTab';
import { EpisodeBar } from './EpisodeBar';
import { GoalsTab } from './GoalsTab';
import { PersonCorrections } from './PersonCorrections';
import { PersonHeader } from './PersonHeader';
import { ReferralTab } from './ReferralTab';
import { RiskBanner } from './RiskBanner';
import { RiskTab } from './RiskTab';
import { SignpostingTab } from './SignpostingTab';
import { SubjectAccessModal } from './SubjectAccessModal';
import { useCan } from '../../shared/access';
import { TimelineTab } from './TimelineTab';
import { usePerson } from './usePerson';

export const PERSON_TABS = ['timeline', 'referral', 'contacts', 'goals', 'signposting', 'outcomes', 'risk', 'details'] as const;
export type PersonTab = (typeof PERSON_TABS)[number];

export function PersonScreen({ personId }: { personId: number }) {
  const { route, go } = useNavigation();
  const person = usePerson(personId);
  const askedTab = route.name === 'person' ? route.tab : undefined;
  const [tab, setTab] = useState<string>(PERSON_TABS.includes(askedTab as PersonTab) ? (askedTab as string) : 'timeline');
  const [chosenEpisodeId, setEpisodeId] = useState<number | null>(null);
  const [copying, setCopying] = useState(false);
  const can = useCan();

  if (person.isPending) return <Loader role="status" aria-label="Loading the record" />;
  if (person.isError)
    return (
      <Stack align="flex-start">
        <Alert color="red" role="alert">
          {errorMessage(person.error)}
        </Alert>
        <Button variant="default" onClick={() => go({ name: 'caseload' })}>
          Back to the caseload
        </Button>
      </Stack>
    );

  const record = person.data;
  // Newest first, so the first is the current one unless the worker chose another.
  const episode = record.episodes.find((e) => e.id === chosenEpisodeId) ?? record.episodes[0] ?? null;
  const openRisks = record.riskFlags.filter((r) => !r.resolvedOn).length;
  const count = (n: number | undefined) => (n ? ` (${n})` : '');

  return (
    <Stack gap="md">
      <PersonHeader
        record={record}
        episode={episode}
        actions={
          <>
            {/* A subject access request is a coordinator's task, as are merging and deleting. */}
            {can('people.subjectAccess') && (
              <Button variant="default" size="sm" leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setCopying(true)}>
                Subject access copy
              </Button>
            )}
            <PersonCorrections record={record} />
          </>
        }
      />
      <SubjectAccessModal opened={copying} onClose={() => setCopying(false)} record={record} />
      <RiskBanner record={record} />
      <EpisodeBar record={record} episode={episode} onSelect={setEpisodeId} />
      <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
        <Tabs.List aria-label="Parts of the record">
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="referral">Referral</Tabs.Tab>
          <Tabs.Tab value="contacts">Contacts{count(episode?.contacts.length)}</Tabs.Tab>
          <Tabs.Tab value="goals">Goals{count(episode?.goals.length)}</Tabs.Tab>
          <Tabs.Tab value="signposting">Signposting{count(episode?.signposting.length)}</Tabs.Tab>
          <Tabs.Tab value="outcomes">Outcomes</Tabs.Tab>
          <Tabs.Tab value="risk">Risk{openRisks ? ` (${openRisks} open)` : ''}</Tabs.Tab>
          <Tabs.Tab value="details">Details</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab record={record} episode={episode} />
        </Tabs.Panel>
        <Tabs.Panel value="referral" pt="md">
          {episode && <ReferralTab personId={record.id} episode={episode} diagnosisMonth={record.diagnosisMonth} />}
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          {episode && <ContactsTab personId={record.id} episode={episode} />}
        </Tabs.Panel>
        <Tabs.Panel value="goals" pt="md">
          {episode && <GoalsTab personId={record.id} episode={episode} />}
        </Tabs.Panel>
        <Tabs.Panel value="signposting" pt="md">
          {episode && <SignpostingTab personId={record.id} episode={episode} />}
        </Tabs.Panel>
        <Tabs.Panel value="outcomes" pt="md">
          {episode && <OutcomesPanel record={record} episode={episode} />}
        </Tabs.Panel>
        <Tabs.Panel value="risk" pt="md">
          <RiskTab record={record} episode={episode} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <DetailsTab record={record} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
