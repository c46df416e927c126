// A coordinator's two ways to put a wrong record of a person right: merge another record of the
// same person into this one, or delete this one when it was added by mistake and nothing has been
// recorded since. Each dialog says exactly what will happen before it does.
import { Alert, Button, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { PersonSummary } from '../../../../core/domain/person';
import type { PersonRecord } from '../../../../core/domain/record';
import { call, errorMessage } from '../../shared/api';
import { useCan } from '../../shared/access';
import { WARNING_TITLE } from '../../shared/contrast';
import { DialogFooter } from '../../shared/DialogFooter';
import { FormFailure } from '../../shared/FormFailure';
import { useNavigation } from '../../shared/navigation';
import { notifySuccess } from '../../shared/notify';
import { useSaveRecord } from '../../shared/useSaveRecord';

export function PersonCorrections({ record }: { record: PersonRecord }) {
  const can = useCan();
  const [dialog, setDialog] = useState<'merge' | 'delete' | null>(null);
  if (!can('people.merge') && !can('people.delete')) return null;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" size="sm" rightSection={<IconChevronDown size={14} aria-hidden />}>
            Correct this record
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {can('people.merge') && <Menu.Item onClick={() => setDialog('merge')}>Merge a duplicate record into this one…</Menu.Item>}
          {can('people.delete') && (
            <Menu.Item color="red.9" onClick={() => setDialog('delete')}>
              Delete this person (added by mistake)…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === 'merge' && <MergeModal record={record} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteModal record={record} onClose={() => setDialog(null)} />}
    </>
  );
}

function MergeModal({ record, onClose }: { record: PersonRecord; onClose: () => void }) {
  const [caseId, setCaseId] = useState('');
  const [other, setOther] = useState<PersonSummary | null>(null);
  const [lookup, setLookup] = useState<string | null>(null);
  const merge = useSaveRecord(record.id, () => call('people.merge', { survivorId: record.id, duplicateId: other!.id }), {
    success: 'The two records are now one',
    onSaved: onClose,
  });
  const find = async () => {
    setOther(null);
    const wanted = caseId.trim().toUpperCase();
    if (!wanted) return setLookup('Enter the case ID of the other record.');
    try {
      const page = await call('people.list', { query: wanted });
      const found = page.rows.find((r) => r.caseId.toUpperCase() === wanted && r.id !== record.id);
      setLookup(found ? null : wanted === record.caseId.toUpperCase() ? 'That is this record’s own case ID.' : 'No other record has that case ID.');
      setOther(found ?? null);
    } catch (e) {
      setLookup(errorMessage(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Merge a duplicate record into this one" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          This record ({record.caseId}) is kept. Find the other record of the same person by its case ID (shown on the duplicate warning and at the top of each record).
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <Stack gap="xs">
            <TextInput label="Case ID of the duplicate record" value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)} error={lookup} data-autofocus autoComplete="off" />
            <Button type="submit" variant="default" style={{ alignSelf: 'flex-start' }}>
              Find record
            </Button>
          </Stack>
        </form>
        {other && (
          <Alert color="orange" variant="light" title={`Merge ${other.caseId} into ${record.caseId}?`} styles={WARNING_TITLE}>
            <Stack gap={6}>
              <Text size="sm" c="var(--mantine-color-text)">
                {other.preferredName}, born {displayDate(other.dateOfBirth)}. Every episode of support with all recorded in it, every risk flag and group registration on{' '}
                {other.caseId} moves to this record. Details this record leaves blank are filled from it. Then {other.caseId} no longer exists.
              </Text>
              <Text size="sm" c="var(--mantine-color-text)">
                The audit log records the merge with both case IDs. It cannot be undone from here.
              </Text>
            </Stack>
          </Alert>
        )}
        <FormFailure error={merge.error} fields={[]} />
        <DialogFooter>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!other} loading={merge.isPending} onClick={() => merge.mutate(undefined)}>
            Merge into this record
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}

function DeleteModal({ record, onClose }: { record: PersonRecord; onClose: () => void }) {
  const { go } = useNavigation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('people.delete', { id: record.id }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      notifySuccess('The record was deleted');
      go({ name: 'caseload' });
    },
  });
  return (
    <Modal opened onClose={onClose} title="Delete this person?">
      <Stack gap="sm">
        <Text size="sm">
          Only for someone added by mistake. {record.preferredName} ({record.caseId}) and their first referral will be deleted, and the audit log will note the case ID and
          that you deleted it. This cannot be undone.
        </Text>
        <Text size="sm">If anything has been recorded since (a contact, an attempt, a goal, an assessment…), the record is kept and you are told why.</Text>
        <FormFailure error={remove.error} fields={[]} />
        <DialogFooter>
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete person
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}
