// Contacts: the one form for logging a contact, and the dialog the person's record opens it in.
export { ContactForm, type ContactFormProps, type ContactPurpose } from './ContactForm';
export { LogContactModal, type LogContactModalProps } from './LogContactModal';
