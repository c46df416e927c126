// Wellbeing, honestly paired: per instrument, how many people had a baseline and a follow-up in
// the period beside how many had a baseline, the mean change of those pairs with its 95%
// confidence interval, and how many improved by the instrument's own rule; then the same for
// follow-ups 6–12 months after support ended (sustained change). Every count lists its records.
// Under 30 pairs it says, as the SWEMWBS authors do, not to compare groups on them.
import { Alert, Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DrillBreakdown } from '../../../../core/domain/export/drill';
import type { PublishedChange } from '../../../../core/domain/export/publishedReturn';
import type { MonthlyReport } from '../../../../core/domain/export/reports';
import type { Published } from '../../../../core/domain/export/suppression';
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import { improvementRule } from '../../../../core/domain/instruments/improvement';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import { PAIRS_FOR_GROUP_COMPARISON } from '../../../../core/domain/stats/groupComparison';
import { WARNING_TITLE } from '../../shared/contrast';
import type { Drill } from './drill';
import { percent } from './measures';

const count = (x: Published | null | undefined) => (x === null || x === undefined ? '–' : x === '*' ? '*' : x.toLocaleString('en-GB'));
const signed = (x: Published | null) => (x === null ? '–' : x === '*' ? '*' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`);

/** "−5.5 (95% CI −49.97 to +38.97)", in words a screen reader reads the same way. */
function changeText(c: PublishedChange | undefined): string {
  if (!c || c.mean === null) return 'No pairs';
  if (c.lower === null || c.upper === null) return `${signed(c.mean)} (one pair: no interval)`;
  return `${signed(c.mean)} (95% CI ${signed(c.lower)} to ${signed(c.upper)})`;
}

const percentOf = (part: Published, whole: Published) => (part === '*' || whole === '*' ? '*' : percent(part, whole));
const shownPercent = (p: number | '*' | null) => (p === null ? '' : p === '*' ? ' (*)' : ` (${p.toLocaleString('en-GB')}%)`);

/** Fewer than 30 pairs, or too few to publish at all. */
const tooFew = (pairs: Published) => pairs === '*' || (pairs > 0 && pairs < PAIRS_FOR_GROUP_COMPARISON);

interface Props {
  report: MonthlyReport;
  /** Absent for a reporting-only member: the figures only. */
  onDrill?: (d: Drill) => void;
}

export function WellbeingPanel({ report, onDrill }: Props) {
  const r = report.current;
  const during = r.wellbeing.filter((w) => w.followedUp !== 0 || w.noFollowUp !== 0);
  const after = r.sustained;
  const nameOf = (id: string) => INSTRUMENTS[id as InstrumentId]?.shortName ?? id;
  // The visible number leads the button's name (WCAG 2.5.3), then what it counts.
  const link = (label: string, value: Published | null, drill: Omit<Drill, 'expected'>, what: string) =>
    onDrill && value !== '*' && value !== null && value !== 0 ? (
      <Anchor component="button" type="button" size="sm" fw={600} aria-label={`${label} ${what}: show the records`} onClick={() => onDrill({ ...drill, expected: value as number })}>
        {label}
      </Anchor>
    ) : (
      label
    );
  const warn = [...during.map((w) => w.followedUp), ...after.map((s) => s.followedUp)].some(tooFew);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="wellbeing-pairs-title" data-testid="wellbeing-pairs">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="wellbeing-pairs-title">
            Wellbeing: change for the same people
          </Title>
          <Text size="sm" c="dimmed">
            Each person’s first assessment in the episode (their baseline) against their latest follow-up during support, when that follow-up falls in{' '}
            {report.period.label}. Those with only a baseline whose support ended in the period are counted beside them, never left out.
          </Text>
        </div>
        {during.length === 0 && after.length === 0 ? (
          <Text size="sm">No one had a baseline and a follow-up, or ended support with only a baseline, in this period.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={`Wellbeing change, ${report.period.label}`} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Instrument</Table.Th>
                  <Table.Th scope="col">Paired</Table.Th>
                  <Table.Th scope="col">With a baseline</Table.Th>
                  <Table.Th scope="col">Mean change</Table.Th>
                  <Table.Th scope="col">Improved by its rule</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {during.map((w) => {
                  const name = nameOf(w.instrument);
                  const breakdown = w.instrument as DrillBreakdown;
                  const rule = improvementRule(w.instrument as InstrumentId);
                  return (
                    <Table.Tr key={w.instrument} data-instrument={w.instrument}>
                      <Table.Th scope="row">{name}</Table.Th>
                      <Table.Td>{link(count(w.followedUp), w.followedUp, { title: `${name}: paired`, measure: 'improved_wellbeing', breakdown, category: 'followed_up' }, `${name} paired`)}</Table.Td>
                      <Table.Td>
                        {link(count(w.withBaseline), w.withBaseline, { title: `${name}: with a baseline`, measure: 'improved_wellbeing', breakdown, category: 'with_baseline' }, `${name} with a baseline`)}
                      </Table.Td>
                      <Table.Td>{changeText(r.wellbeingChange.find((c) => c.instrument === w.instrument))}</Table.Td>
                      <Table.Td>
                        {link(
                          `${count(w.improved)}${shownPercent(percentOf(w.improved, w.followedUp))}`,
                          w.improved,
                          { title: `${name}: improved by its rule`, measure: 'improved_wellbeing', breakdown, category: 'improved' },
                          `${name} improved`,
                        )}
                        <Text size="xs" c="dimmed">
                          {rule.words}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {after.map((s) => {
                  const name = nameOf(s.instrument);
                  const breakdown = s.instrument as DrillBreakdown;
                  return (
                    <Table.Tr key={`after-${s.instrument}`} data-instrument={`${s.instrument}-after-closure`}>
                      <Table.Th scope="row">
                        {name}, 6–12 months after support ended
                      </Table.Th>
                      <Table.Td>
                        {link(
                          count(s.followedUp),
                          s.followedUp,
                          { title: `${name}: followed up after closure`, measure: 'sustained_wellbeing', breakdown, category: 'followed_up_after_closure' },
                          `${name} followed up after closure`,
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          Set against the same baseline
                        </Text>
                      </Table.Td>
                      <Table.Td>{changeText(s.change)}</Table.Td>
                      <Table.Td>
                        {link(
                          `${count(s.improved)}${shownPercent(percentOf(s.improved, s.followedUp))}`,
                          s.improved,
                          { title: `${name}: still improved after closure`, measure: 'sustained_wellbeing', breakdown, category: 'improved' },
                          `${name} still improved after closure`,
                        )}
                        <Text size="xs" c="dimmed">
                          still improved on their baseline
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {warn && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Fewer than 30 pairs: do not compare groups on these" styles={WARNING_TITLE} data-testid="few-pairs">
            <Text size="sm" c="var(--mantine-color-text)">
              The SWEMWBS authors ask for at least 30 pairs before comparing groups (sites, years, programmes). Below that, these figures describe the people counted; the
              interval shows how far the true mean change could be from this one. The exported return carries the same warning (fewer_than_30_pairs).
            </Text>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Mean change: follow-up minus baseline in the instrument’s own points (on PHQ-9 and GAD-7 a fall is better). 95% CI: Student’s t interval on the pairs, wide when
          there are few.
        </Text>
      </Stack>
    </Paper>
  );
}
