// The actions on one record of the person's: edit it, remove it, or mark it entered in error.
// Each opens a dialog that says what will happen before anything does. Edit and Remove are offered
// only while the episode is open (a closed episode is corrected by marking in error).
import { ActionIcon, Button, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import type { CorrectableKind } from '../../../../core/domain/corrections';
import type { PersonRecord } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { useCan } from '../../shared/access';
import { DialogFooter } from '../../shared/DialogFooter';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { LogContactModal } from '../contacts';
import { RecordAssessmentModal } from '../outcomes/RecordAssessmentModal';
import { RecordEngagementModal } from '../outcomes/RecordEngagementModal';
import { LogAttemptModal } from './LogAttemptModal';
import { EnteredInErrorModal } from './EnteredInErrorModal';

type Dialog = 'edit' | 'remove' | 'error' | null;
const REMOVABLE: Partial<Record<CorrectableKind, 'contacts.remove' | 'attempts.remove'>> = { contact: 'contacts.remove', attempt: 'attempts.remove' };
const NOUN: Record<CorrectableKind, string> = {
  referral: 'referral',
  attempt: 'contact attempt',
  contact: 'contact',
  assessment: 'assessment',
  engagement: 'engagement review',
  goal: 'goal',
  signposting: 'signposting',
  risk: 'risk flag',
};

export function RecordMenu({ record, target, what, date }: { record: PersonRecord; target: { kind: CorrectableKind; id: number; open: boolean }; what: string; date: string }) {
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog>(null);
  // The record itself, found in the episode holding it, for the form that edits it.
  const holds = (e: PersonRecord['episodes'][number]) =>
    (target.kind === 'contact' && e.contacts.some((c) => c.id === target.id)) ||
    (target.kind === 'attempt' && e.attempts.some((a) => a.id === target.id)) ||
    (target.kind === 'assessment' && e.outcomes.assessments.some((a) => a.id === target.id)) ||
    (target.kind === 'engagement' && e.outcomes.engagement.some((r) => r.id === target.id));
  const episode = record.episodes.find(holds);
  const contact = target.kind === 'contact' ? episode?.contacts.find((c) => c.id === target.id) : undefined;
  const attempt = target.kind === 'attempt' ? episode?.attempts.find((a) => a.id === target.id) : undefined;
  const assessment = target.kind === 'assessment' ? episode?.outcomes.assessments.find((a) => a.id === target.id) : undefined;
  const review = target.kind === 'engagement' ? episode?.outcomes.engagement.find((r) => r.id === target.id) : undefined;
  const editable =
    target.open &&
    ((contact && can('contacts.update')) || (attempt && can('attempts.update')) || (assessment && can('assessments.update')) || (review && can('engagement.update')));
  const removal = target.open ? REMOVABLE[target.kind] : undefined;
  if (!can('records.markEnteredInError')) return null;
  const label = `Actions for ${NOUN[target.kind]} on ${date}`;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={label} title={label}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {editable && <Menu.Item onClick={() => setDialog('edit')}>Edit</Menu.Item>}
          {removal && can(removal) && <Menu.Item onClick={() => setDialog('remove')}>Remove</Menu.Item>}
          <Menu.Item color="red.9" onClick={() => setDialog('error')}>
            Mark entered in error…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'edit' && contact && episode && <LogContactModal opened onClose={() => setDialog(null)} personId={record.id} episodeId={episode.id} contact={contact} />}
      {dialog === 'edit' && attempt && episode && <LogAttemptModal opened onClose={() => setDialog(null)} personId={record.id} episodeId={episode.id} editing={attempt} />}
      {dialog === 'edit' && review && episode && <RecordEngagementModal opened onClose={() => setDialog(null)} record={record} episodeId={episode.id} editing={review} />}
      {dialog === 'edit' && assessment && episode && <RecordAssessmentModal opened onClose={() => setDialog(null)} record={record} episodeId={episode.id} editing={assessment} />}
      {dialog === 'remove' && removal && <RemoveModal personId={record.id} method={removal} id={target.id} noun={NOUN[target.kind]} what={what} date={date} onClose={() => setDialog(null)} />}
      {dialog === 'error' && <EnteredInErrorModal personId={record.id} target={{ kind: target.kind, id: target.id }} what={`${what} (${date})`} onClose={() => setDialog(null)} />}
    </>
  );
}

function RemoveModal({ personId, method, id, noun, what, date, onClose }: { personId: number; method: 'contacts.remove' | 'attempts.remove'; id: number; noun: string; what: string; date: string; onClose: () => void }) {
  const remove = useSaveRecord(personId, () => call(method, { id }), { success: `The ${noun} was removed`, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title={`Remove this ${noun}?`}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {date}: {what}
        </Text>
        <Text size="sm">
          It will be deleted from this record and from every figure. The audit log will note that a {noun} from {date} was removed, and by you. This cannot be undone. If it
          happened but was recorded wrongly, edit it instead; if it should be kept for the record, mark it entered in error.
        </Text>
        <FormFailure error={remove.error} fields={[]} />
        <DialogFooter>
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
            Remove {noun}
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}
