// Log or edit a contact from the person's record: <LogContactModal opened onClose personId
// episodeId />, with `contact` to edit one. The form is ContactForm, the same one My day uses.
import { Modal } from '@mantine/core';
import type { Contact } from '../../../../core/domain/contact';
import type { PersonRecord } from '../../../../core/domain/record';
import { DIALOG_SCROLL_PADDING } from '../../shared/DialogFooter';
import { ContactForm } from './ContactForm';

export interface LogContactModalProps {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episodeId: number;
  /** Given to edit an existing contact instead of logging a new one. */
  contact?: Contact;
  onSaved?: (record: PersonRecord) => void;
}

export function LogContactModal({ opened, onClose, contact, ...rest }: LogContactModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={contact ? 'Edit contact' : 'Log a contact'} size="xl" styles={DIALOG_SCROLL_PADDING}>
      <ContactForm purpose={contact ? 'edit' : 'log'} onDone={onClose} contact={contact} {...rest} />
    </Modal>
  );
}
