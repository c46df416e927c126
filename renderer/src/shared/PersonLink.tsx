// A person's name as a button that opens their record: the keyboard way into a row on My day,
// a report's drill-down or a data-quality list. The name wraps rather than being cut short: a
// narrow column once showed every name as its first letter.
import { Anchor, Text } from '@mantine/core';
import { useNavigation } from './navigation';

export function PersonLink({ personId, name, caseId }: { personId: number; name: string; caseId: string }) {
  const { go } = useNavigation();
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor
        component="button"
        type="button"
        fw={600}
        size="sm"
        ta="left"
        onClick={(e) => {
          // The row opens the record too; one navigation is enough.
          e.stopPropagation();
          go({ name: 'person', personId });
        }}
        style={{ display: 'block', maxWidth: '100%', overflowWrap: 'break-word' }}
      >
        {name}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {caseId}
      </Text>
    </div>
  );
}

/** Row props that open the person's record on a mouse click anywhere in the row. */
export function useRowOpen() {
  const { go } = useNavigation();
  return (personId: number) => ({ onClick: () => go({ name: 'person', personId }) });
}
