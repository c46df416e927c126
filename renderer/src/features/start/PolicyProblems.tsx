// A policy IT set for this app (Group Policy or the policy file) that could not be read: said on
// the set-up and lock screens, in IT's words, so the person can pass it on.
import { Alert, List, Text } from '@mantine/core';
import { WARNING_TITLE } from '../../shared/contrast';

export function PolicyProblems({ problems }: { problems?: string[] }) {
  if (!problems?.length) return null;
  return (
    <Alert color="orange" variant="light" title="For your IT team" styles={WARNING_TITLE}>
      {problems.length === 1 ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          IT’s policy for this app could not be read: {problems[0]}
        </Text>
      ) : (
        <>
          <Text size="sm">IT’s policy for this app could not be read:</Text>
          <List size="sm" style={{ overflowWrap: 'anywhere' }}>
            {problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </>
      )}
      <Text size="sm" mt={6}>
        Until it is put right, the app uses its usual settings instead. Tell your IT team what it says here.
      </Text>
    </Alert>
  );
}
