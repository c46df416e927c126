// A person's name that opens their record: the way from a report or a data-quality list to the
// record behind it, by mouse or keyboard.
import { Anchor, Text } from '@mantine/core';
import { useNavigation } from '../../navigation';

export function PersonButton({ personId, name, caseId }: { personId: number; name: string; caseId: string }) {
  const { go } = useNavigation();
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor
        component="button"
        type="button"
        fw={600}
        size="sm"
        ta="left"
        onClick={() => go({ name: 'person', personId })}
        style={{ display: 'block', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        title={name}
      >
        {name}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {caseId}
      </Text>
    </div>
  );
}
