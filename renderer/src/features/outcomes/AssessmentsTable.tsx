// Every assessment of one instrument in the episode, oldest first like the chart: the figures
// behind it, how each was done and by whom.
import { Group, Table, Text } from '@mantine/core';
import { assessmentMethod, type Assessment } from '../../../../core/domain/assessment';
import { displayDate } from '../../../../core/domain/dates';
import type { InstrumentDefinition, ScoreDefinition } from '../../../../core/domain/instruments/types';
import { Tag } from '../../shared/Tag';
import { formatScore } from './scores';

export function AssessmentsTable({ def, scores, assessments }: { def: InstrumentDefinition; scores: ScoreDefinition[]; assessments: Assessment[] }) {
  const single = scores.length === 1;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={`${def.shortName} assessments`} verticalSpacing={6} striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Date</Table.Th>
            {single ? (
              <>
                <Table.Th>Score</Table.Th>
                <Table.Th>Band</Table.Th>
              </>
            ) : (
              scores.map((s) => <Table.Th key={s.id}>{s.label}</Table.Th>)
            )}
            <Table.Th>How</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                {displayDate(a.completedOn)}
                {a.afterClosure && (
                  <Tag tone="neutral" size="sm">
                    After closure
                  </Tag>
                )}
              </Table.Td>
              {single ? (
                <>
                  <Table.Td>
                    <ScoreCell assessment={a} scoreId={scores[0].id} riskItem={def.riskItem?.item} def={def} />
                  </Table.Td>
                  <Table.Td>{a.bands[scores[0].id]?.label ?? ''}</Table.Td>
                </>
              ) : (
                scores.map((s) => (
                  <Table.Td key={s.id}>
                    {a.scores[s.id] === undefined ? '' : `${formatScore(a.scores[s.id])} (${a.bands[s.id]?.label ?? ''})`}
                  </Table.Td>
                ))
              )}
              <Table.Td>{assessmentMethod.label(a.method)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.createdByName}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ScoreCell({ assessment: a, scoreId, def, riskItem }: { assessment: Assessment; scoreId: string; def: InstrumentDefinition; riskItem?: string }) {
  const riskNumber = riskItem ? def.items.findIndex((i) => i.id === riskItem) + 1 : 0;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={700}>
        {a.scores[scoreId] === undefined ? '' : formatScore(a.scores[scoreId])}
      </Text>
      {a.prorated && (
        <Tag tone="neutral" size="sm">
          Pro-rated
        </Tag>
      )}
      {a.risk && (
        <Tag tone="danger" size="sm">
          Item {riskNumber} above 0
        </Tag>
      )}
    </Group>
  );
}
