// Gaps to fix before exporting: open cases missing demographics (the return's breakdowns show
// them as "not recorded"), referrals past the first-contact deadline, and open support with no
// recent contact. Each name opens the record; the caseload's filters show the rest.
import { Alert, Anchor, Group, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { StackedTable } from '../../shared/StackedTable';
import { useQuery } from '@tanstack/react-query';
import { IconCircleCheck } from '@tabler/icons-react';
import { displayDate } from '../../../../core/domain/dates';
import type { DataQuality, QualityItem } from '../../../../core/domain/export/reports';
import { errorMessage } from '../../shared/api';
import { useNavigation, type CaseloadFilters } from '../../shared/navigation';
import { PersonLink } from '../../shared/PersonLink';
import { callQuery } from '../../shared/queryKeys';

interface Kind {
  key: keyof DataQuality;
  tab: string;
  about: string;
  detailHeader: string;
  detail: (item: QualityItem) => string;
  clear: string;
  /** The caseload filter that lists all of them, where one exists. */
  filters?: CaseloadFilters;
}

const KINDS: Kind[] = [
  {
    key: 'missingDemographics',
    tab: 'Missing demographics',
    about: 'Open cases without gender identity, ethnic category, sexual orientation or borough. The return counts them as “not recorded”.',
    detailHeader: 'Missing',
    detail: (i) => i.detail,
    clear: 'Every open case has its demographics recorded.',
  },
  {
    key: 'neverContacted',
    tab: 'Never contacted',
    about: 'Referrals still waiting for a first contact after the time set in Settings.',
    detailHeader: 'Referred',
    detail: (i) => displayDate(i.detail),
    clear: 'No referral is past its first-contact deadline.',
    filters: { status: 'open', waiting: true, sort: 'waitingLongest' },
  },
  {
    key: 'inactive',
    tab: 'No recent contact',
    about: 'Open support with no contact for longer than the inactivity time set in Settings.',
    detailHeader: 'Last contact',
    detail: (i) => displayDate(i.detail),
    clear: 'Everyone with open support has had contact recently.',
    filters: { status: 'open', inactive: true, sort: 'lastContact' },
  },
];

export function DataQualityPanel() {
  const quality = useQuery({ ...callQuery('reports.dataQuality', {}), refetchOnMount: 'always' });
  return (
    <Paper component="section" aria-labelledby="data-quality-title" withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4" id="data-quality-title">
          Data quality
        </Title>
        <Text size="sm" c="dimmed">
          Put these right before you export, so the figures are complete. This looks at the whole caseload, not only the period above.
        </Text>
        {quality.isPending && <Loader role="status" aria-label="Checking data quality" />}
        {quality.isError && (
          <Alert color="red" role="alert">
            {errorMessage(quality.error)}
          </Alert>
        )}
        {quality.data && <QualityTabs quality={quality.data} />}
      </Stack>
    </Paper>
  );
}

function QualityTabs({ quality }: { quality: DataQuality }) {
  return (
    <Tabs defaultValue={KINDS.find((k) => quality[k.key].count > 0)?.key ?? KINDS[0].key} keepMounted={false}>
      <Tabs.List>
        {KINDS.map((k) => (
          <Tabs.Tab key={k.key} value={k.key}>
            {k.tab} ({quality[k.key].count.toLocaleString('en-GB')})
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {KINDS.map((k) => (
        <Tabs.Panel key={k.key} value={k.key} pt="sm">
          <QualityList kind={k} list={quality[k.key]} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function QualityList({ kind, list }: { kind: Kind; list: DataQuality[keyof DataQuality] }) {
  const { go } = useNavigation();
  const rest = list.count - list.items.length;
  return (
    <Stack gap="xs">
      <Text size="sm">{kind.about}</Text>
      {list.count === 0 ? (
        <Group gap="xs" wrap="nowrap" py="xs">
          <IconCircleCheck size={20} color="var(--mantine-color-green-9)" aria-hidden />
          <Text fw={600}>{kind.clear}</Text>
        </Group>
      ) : (
        <div style={{ maxHeight: 360, overflowY: 'auto' }}>
          <StackedTable stackBelow="sm" aria-label={kind.tab} verticalSpacing={6} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>{kind.detailHeader}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((i, n) => (
                <Table.Tr key={`${i.personId}-${n}`}>
                  <Table.Td data-lead>
                    <PersonLink personId={i.personId} name={i.preferredName} caseId={i.caseId} />
                  </Table.Td>
                  <Table.Td data-label={kind.detailHeader}>
                    <Text size="sm">{kind.detail(i)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        </div>
      )}
      {list.count > 0 &&
        (kind.filters ? (
          <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => go({ name: 'caseload', filters: kind.filters })}>
            {rest > 0 ? `and ${rest.toLocaleString('en-GB')} more: see them all in the caseload` : 'Open this list in the caseload'}
          </Anchor>
        ) : (
          rest > 0 && (
            <Text size="sm" c="dimmed">
              and {rest.toLocaleString('en-GB')} more not shown here
            </Text>
          )
        ))}
    </Stack>
  );
}
