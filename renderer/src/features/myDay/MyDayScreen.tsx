// My day: what needs the worker now. Risk flags first, then who is waiting for first contact,
// today's contacts, and what needs following up. Each list is capped by the app; the headline
// numbers are the full counts, and "and N more" opens the caseload with the matching filter.
import { Alert, Button, EmptyState, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconSun, IconUsers } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MyDay, PlannedContact } from '../../../../core/domain/myDay';
import { errorMessage } from '../../shared/api';
import { AssessmentsDueList } from '../outcomes';
import { useSettings } from '../../shared/useSettings';
import { useNavigation } from '../../shared/navigation';
import { GoalsDueList } from './GoalsDueList';
import { figuresFor, Headline } from './Headline';
import { InactiveList } from './InactiveList';
import { OutcomeModal } from './OutcomeModal';
import { PlannedList } from './PlannedList';
import { RisksList } from './RisksList';
import { Section } from './Section';
import { WaitingList } from './WaitingList';
import { callQuery } from '../../shared/queryKeys';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { countOf } from '../../../../core/domain/plural';


export function MyDayScreen() {
  // Everything a worker records elsewhere changes this screen: always ask again on arrival.
  const day = useQuery({ ...callQuery('myDay.get', {}), refetchOnMount: 'always' });
  const anyone = useQuery({ ...callQuery('people.list', { limit: 1 }), refetchOnMount: 'always' });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <ScreenTitle>My day</ScreenTitle>
        {day.data && <Text c="dimmed">{dayjs(day.data.today).locale('en-gb').format('dddd D MMMM YYYY')}</Text>}
      </Group>
      {day.isPending && <Loader role="status" aria-label="Loading your day" />}
      {day.isError && (
        <Alert color="red" role="alert">
          {errorMessage(day.error)}
        </Alert>
      )}
      {day.data && anyone.data?.total === 0 ? <FirstRun /> : day.data && <Lists day={day.data} />}
    </Stack>
  );
}

function FirstRun() {
  const { go } = useNavigation();
  return (
    <EmptyState
      mt="xl"
      icon={<IconSun aria-hidden size={32} />}
      variant="light"
      title="Your day will show here"
      description="Once people are on your caseload, this page lists who is waiting for first contact, who you are seeing today, goals due for review, anyone you have not seen for a while, and open risk flags."
    >
      <EmptyState.Actions>
        <Button leftSection={<IconUsers aria-hidden size={18} />} onClick={() => go({ name: 'caseload' })}>
          Go to the caseload to add someone
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

function Lists({ day }: { day: MyDay }) {
  const { go } = useNavigation();
  const settings = useSettings().data;
  const [outcomeFor, setOutcomeFor] = useState<PlannedContact | null>(null);
  const c = day.counts;
  const overdueAfter = settings ? countOf(settings.firstContactOverdueWorkingDays, 'working day') : 'the time set in Settings';
  const weeks = settings ? countOf(settings.inactiveWeeks, 'week') : 'the time set in Settings';
  return (
    <>
      <Headline figures={figuresFor(day)} />
      <Section
        id="risks"
        tone="alert"
        maxListHeight={260}
        title="Open risk flags"
        count={c.risks}
        shown={day.risks.length}
        note={c.risks > 0 ? 'Shown until each is resolved on the person’s record.' : undefined}
        empty={{ title: 'No open risk flags', hint: 'A risk raised on someone’s record shows here until it is resolved.' }}
      >
        <RisksList rows={day.risks} />
      </Section>
      <Section
        id="waiting"
        title="Waiting for first contact"
        count={c.waiting}
        shown={day.waiting.length}
        note={
          c.waiting > 0
            ? `${c.overdue.toLocaleString('en-GB')} overdue: first contact is due within ${overdueAfter} of the referral.`
            : undefined
        }
        empty={{ title: 'No one is waiting for first contact', hint: 'New referrals show here until you have spoken to the person or recorded the referral’s outcome.' }}
        onMore={() => go({ name: 'caseload', filters: { status: 'open', waiting: true, sort: 'waitingLongest' } })}
        moreLabel="see everyone waiting in the caseload"
      >
        <WaitingList rows={day.waiting} />
      </Section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Section
            id="today"
            title="Planned today"
            count={c.plannedToday}
            shown={day.plannedToday.length}
            empty={{ title: 'Nothing planned for today', hint: 'Contacts you plan on a person’s record show here on the day, ready to log.' }}
          >
            <PlannedList rows={day.plannedToday} label="Contacts planned today" showDate={false} onLogOutcome={setOutcomeFor} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Section
            id="outcome"
            title="Still need an outcome"
            count={c.needsOutcome}
            shown={day.needsOutcome.length}
            note={c.needsOutcome > 0 ? 'Planned on an earlier day, with nothing recorded yet.' : undefined}
            empty={{ title: 'Every earlier contact has an outcome', hint: 'A planned contact shows here if its day passes without attended, did not attend or cancelled.' }}
          >
            <PlannedList rows={day.needsOutcome} label="Earlier contacts that need an outcome" showDate onLogOutcome={setOutcomeFor} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Section
            id="goals"
            title="Goals due for review"
            count={c.goalsDue}
            shown={day.goalsDue.length}
            empty={{ title: 'No goals are due for review', hint: 'Open goals show here once their review date comes.' }}
          >
            <GoalsDueList rows={day.goalsDue} today={day.today} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Section
            id="assessments"
            title="Assessments due"
            count={c.assessmentsDue}
            // The list counts what it leaves out itself.
            shown={c.assessmentsDue}
            note={c.assessmentsOverdue > 0 ? `${c.assessmentsOverdue.toLocaleString('en-GB')} overdue.` : undefined}
            empty={{ title: 'No assessments are due', hint: 'Baselines fall due at first contact, and follow-ups at the interval set in Settings.' }}
          >
            <AssessmentsDueList items={day.assessmentsDue} total={c.assessmentsDue} />
          </Section>
        </Grid.Col>
        <Grid.Col span={12}>
          <Section
            id="inactive"
            title="No recent contact"
            count={c.inactive}
            shown={day.inactive.length}
            note={c.inactive > 0 ? `Open support with no contact for more than ${weeks}.` : undefined}
            empty={{ title: `Everyone open has had contact in the last ${weeks}`, hint: 'Anyone you have not seen or spoken to for longer shows here.' }}
            onMore={() => go({ name: 'caseload', filters: { status: 'open', inactive: true, sort: 'lastContact' } })}
          >
            <InactiveList rows={day.inactive} />
          </Section>
        </Grid.Col>
      </Grid>
      {outcomeFor && <OutcomeModal planned={outcomeFor} onClose={() => setOutcomeFor(null)} />}
    </>
  );
}
