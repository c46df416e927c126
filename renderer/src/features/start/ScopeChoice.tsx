// "Who will use this caseload?": the Windows user's own, or every Windows user of this PC (each
// member still signs in with their own passphrase). Asked at set-up and when opening a backup on
// a new PC; where IT has fixed it, the screen says so and asks nothing.
import { Radio, Stack, Text } from '@mantine/core';
import type { CaseloadScope } from '../../../../core/domain/places';
import type { SetupChoices } from '../../../../core/domain/workspace';
import type { ReactNode } from 'react';

/** Whether the person chooses between "just me" and "our team" on this PC. */
export const scopeOffered = (setup: SetupChoices) => setup.teamAvailable && !setup.placeFixed;

export function ScopeChoice({
  setup,
  value,
  onChange,
  error,
}: {
  setup: SetupChoices;
  value: CaseloadScope;
  onChange: (scope: CaseloadScope) => void;
  error?: ReactNode;
}) {
  if (setup.placeFixed) return <Text size="sm">Your IT team has set where the caseload is kept on this PC.</Text>;
  if (!setup.teamAvailable) return null;
  return (
    <Radio.Group label="Who will use this caseload?" value={value} onChange={(v) => onChange(v as CaseloadScope)} error={error}>
      <Stack gap="sm" mt="xs">
        <Radio value="user" label="Just me on this PC" description="Only your Windows account reaches it." />
        <Radio value="team" label="Our team on this PC" description="Every Windows user of this PC reaches it. Each member signs in with their own passphrase." />
      </Stack>
    </Radio.Group>
  );
}
