// The one place a form shows a refusal that no field can show: a lost connection, a locked
// caseload, or a server field error about something the form has no input for.
import { Alert } from '@mantine/core';
import { ApiFailure, errorMessage } from './api';

export function FormFailure({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error) return null;
  let message = errorMessage(error);
  if (error instanceof ApiFailure && error.error.fields) {
    // Errors for fields on the form are already beside them; only the rest need saying here.
    const elsewhere = Object.entries(error.error.fields).filter(([path]) => !fields.includes(path.split('.')[0]));
    if (elsewhere.length === 0) return null;
    message = elsewhere.map(([, m]) => m).join(' ');
  }
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
