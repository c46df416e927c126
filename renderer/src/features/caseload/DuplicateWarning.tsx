// Shown before a new person is saved when someone already on the caseload looks like them. Focus
// moves here so a keyboard or screen-reader user meets the warning rather than a silent pause.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { LikelyDuplicate } from '../../../../core/domain/person';

const WHY: Record<LikelyDuplicate['reason'], string> = {
  nhs_number: 'same NHS Number',
  name_and_birth: 'same name and date of birth',
};

interface Props {
  duplicates: LikelyDuplicate[];
  onOpen: (personId: number) => void;
  onAddAnyway: () => void;
  onCancel: () => void;
  adding: boolean;
}

// Alert's own text colour is the tint's red; the body reads better, and at 4.5:1+, in plain text.
const BODY = 'var(--mantine-color-text)';

export function DuplicateWarning({ duplicates, onOpen, onAddAnyway, onCancel, adding }: Props) {
  const headingRef = useRef<HTMLSpanElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    // The whole warning, buttons included, into view: not just its first line.
    rootRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const one = duplicates.length === 1;
  // The same NHS Number is almost certainly the same person: opening their record is the main
  // action then, and adding anyway the exception (a number mistyped on one of the records).
  const sameNumber = duplicates.find((d) => d.reason === 'nhs_number');
  return (
    <Alert
      ref={rootRef}
      color="red"
      variant="light"
      role="region"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={
        <span ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {one ? 'This may be someone already on your caseload' : `This may be one of ${duplicates.length} people already on your caseload`}
        </span>
      }
    >
      <Stack gap="sm">
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {duplicates.map((d) => (
            <Group component="li" key={d.id} justify="space-between" wrap="nowrap" gap="sm" align="center">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" c={BODY} fw={700} style={{ overflowWrap: 'anywhere' }}>
                  <Text span ff="monospace" inherit>
                    {d.caseId}
                  </Text>
                  {' · '}
                  {d.preferredName}
                </Text>
                <Text size="sm" c={BODY}>
                  Born {displayDate(d.dateOfBirth)}: {WHY[d.reason]}
                </Text>
              </div>
              {d !== sameNumber && (
                <Button size="xs" variant="default" onClick={() => onOpen(d.id)} aria-label={`Open their record: ${d.caseId}`} style={{ flexShrink: 0 }}>
                  Open their record
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        <Text size="sm" c={BODY}>
          {sameNumber
            ? 'The same NHS Number almost always means the same person: open their record. Add anyway only if the number is wrong on one of the records.'
            : 'If you are sure this is a different person, add them anyway.'}{' '}
          If it turns out to be the same person after all, a coordinator can merge the two records from either record (Correct this record).
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={sameNumber ? 'default' : 'filled'} onClick={onAddAnyway} loading={adding}>
            Add anyway
          </Button>
          {sameNumber && (
            <Button variant="filled" onClick={() => onOpen(sameNumber.id)} aria-label={`Open their record: ${sameNumber.caseId}`}>
              Open their record
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
