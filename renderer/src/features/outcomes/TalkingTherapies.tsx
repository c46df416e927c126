// PHQ-9 and GAD-7 counted together as NHS Talking Therapies counts them: shown only once both
// have a baseline and a follow-up, since the measures need both.
import { Paper, Table, Title } from '@mantine/core';
import type { TalkingTherapiesOutcome } from '../../../../core/domain/instruments/outcome';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

export function TalkingTherapies({ outcome }: { outcome: TalkingTherapiesOutcome }) {
  const rows: [string, string][] = [
    ['At caseness at baseline (PHQ-9 10 or more, or GAD-7 8 or more)', yesNo(outcome.atCaseness)],
    ['Recovered (below caseness on both at the latest)', outcome.atCaseness ? yesNo(outcome.recovered) : 'Does not apply: not at caseness at baseline'],
    ['Reliable improvement (PHQ-9 down 6+ or GAD-7 down 4+, neither reliably worse)', yesNo(outcome.reliableImprovement)],
    ['Reliable deterioration', yesNo(outcome.reliableDeterioration)],
    ['Reliable recovery (recovered and reliably improved)', outcome.atCaseness ? yesNo(outcome.reliableRecovery) : 'Does not apply'],
  ];
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="talking-therapies-heading">
      <Title order={4} id="talking-therapies-heading" mb="xs">
        NHS Talking Therapies measures (PHQ-9 and GAD-7 together)
      </Title>
      <Table aria-labelledby="talking-therapies-heading" verticalSpacing={4} withRowBorders>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td fw={700} w="30%">
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
