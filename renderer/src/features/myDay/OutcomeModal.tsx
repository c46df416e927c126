// Records what happened at a planned contact, in the same contact form the person's record uses:
// the whole contact is read first, so what was planned (date, time, type) is there to keep or
// correct, and "Attended" is already chosen.
import { Alert, Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayDate } from '../../../../core/domain/dates';
import type { PlannedContact } from '../../../../core/domain/myDay';
import { errorMessage } from '../../shared/api';
import { DIALOG_SCROLL_PADDING } from '../../shared/DialogFooter';
import { callQuery } from '../../shared/queryKeys';
import { ContactForm } from '../contacts';

export function OutcomeModal({ planned, onClose }: { planned: PlannedContact; onClose: () => void }) {
  const record = useQuery(callQuery('people.get', { id: planned.personId }));
  const contact = record.data?.episodes.flatMap((e) => e.contacts).find((c) => c.id === planned.contactId);
  const when = `${displayDate(planned.contactOn)}${planned.startTime ? ` at ${planned.startTime}` : ''}`;
  return (
    <Modal opened onClose={onClose} title="Log the outcome" size="xl" styles={DIALOG_SCROLL_PADDING}>
      <Text size="sm" mb="md">
        {planned.preferredName} ({planned.caseId}), planned for {when}
      </Text>
      {record.isPending && <Loader role="status" aria-label="Loading the contact" />}
      {record.isError && <Alert color="red" role="alert">{errorMessage(record.error)}</Alert>}
      {record.data && !contact && <Alert color="red" role="alert">This contact is no longer on the person’s record. It may have been changed elsewhere.</Alert>}
      {contact && <ContactForm purpose="outcome" personId={planned.personId} episodeId={contact.episodeId} contact={contact} onDone={onClose} />}
    </Modal>
  );
}
