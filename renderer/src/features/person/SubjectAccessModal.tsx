// A copy of this person's whole record for them (subject access): a readable PDF, or a CSV of
// the same facts. The file is named by case ID; the copy itself names the person, so the dialog
// says how to send it. Making it is recorded in the audit log.
import { Alert, Button, Group, Loader, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonRecord } from '../../../../core/domain/record';
import type { SubjectAccessFormat, SubjectAccessResult } from '../../../../core/domain/subjectAccess';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { Fingerprint, SavedWhere } from '../../shared/SavedFile';
import { closableUnless } from '../../shared/closableUnless';
import { GOOD_TITLE } from '../../shared/contrast';
import { countOf } from '../../../../core/domain/plural';

interface Props {
  opened: boolean;
  onClose: () => void;
  record: PersonRecord;
}

const MAKING = ['people.subjectAccess'];

export function SubjectAccessModal({ opened, onClose, record }: Props) {
  const making = useIsMutating({ mutationKey: MAKING }) > 0;
  return (
    <Modal opened={opened} onClose={onClose} title="Subject access copy" size="lg" {...closableUnless(making)}>
      {/* Mounted afresh each time, so an earlier copy's result is not shown again. */}
      {opened && <SubjectAccessForm record={record} onClose={onClose} />}
    </Modal>
  );
}

function SubjectAccessForm({ record, onClose }: { record: PersonRecord; onClose: () => void }) {
  const [format, setFormat] = useState<SubjectAccessFormat>('pdf');
  const make = useMutation({ mutationKey: MAKING, mutationFn: () => call('people.subjectAccess', { id: record.id, format }) });
  return (
    <Stack>
      <Text size="sm">
        A copy of everything held about this person (case ID{' '}
        <Text span ff="monospace" fw={600}>
          {record.caseId}
        </Text>
        ), for them to keep: their details, every episode, contacts and notes, goals, signposting, questionnaires, risk flags and groups.
      </Text>
      {/* Once made, the file name says which it was: the choice is put away. */}
      {!make.isSuccess && (
        <Radio.Group label="Format" value={format} onChange={(v) => setFormat(v as SubjectAccessFormat)}>
          <Stack gap="xs" mt={6}>
            <Radio value="pdf" label="PDF to read or print" description="Headings for each part of the record, dates as DD/MM/YYYY, page numbers." disabled={make.isPending} />
            <Radio value="csv" label="CSV data file (opens in Excel)" description="One row per fact, with the exact text. For someone who wants the data itself." disabled={make.isPending} />
          </Stack>
        </Radio.Group>
      )}
      <Text size="sm">The copy names the person. Send it securely, for example by NHS mail with [secure] in the subject, or hand it over in person.</Text>
      {make.isPending && <Making />}
      {make.isSuccess && <Made result={make.data} />}
      {make.isError && <Failed error={make.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={make.isPending}>
          {make.isSuccess ? 'Done' : 'Cancel'}
        </Button>
        {!make.isSuccess && (
          <Button onClick={() => make.mutate()} loading={make.isPending}>
            Make the copy
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Making() {
  return (
    <Paper withBorder p="md" role="status" aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" aria-hidden />
        <div>
          <Text fw={600}>Making the copy…</Text>
          <Text size="sm" c="dimmed">
            If a save window has opened, choose where to save the file.
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

// Mantine's light green puts green-9 text on a green tint at about 4:1; this is 7:1.

function Made({ result }: { result: SubjectAccessResult }) {
  const size = countOf(result.size, result.format === 'pdf' ? 'page' : 'row');
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Copy saved" role="status" styles={GOOD_TITLE}>
      <Stack gap={6}>
        <Text size="sm">
          File: <strong style={{ wordBreak: 'break-all' }}>{result.fileName}</strong> ({size})
        </Text>
        <SavedWhere fileName={result.fileName} location={result.location} />
        <Fingerprint sha256={result.sha256} />
        <Text size="sm">Making this copy has been recorded in the audit log.</Text>
      </Stack>
    </Alert>
  );
}

function Failed({ error }: { error: unknown }) {
  if (error instanceof ApiFailure && error.error.code === 'CANCELLED') {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="Cancelled" role="status">
        {errorMessage(error)}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The copy was not made" role="alert">
      {errorMessage(error)} No file was saved.
    </Alert>
  );
}
