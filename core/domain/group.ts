// Groups and workshops: an event, who registered and who came (the drop-out figure).
import { z } from 'zod';
import { listCode } from './programmeLists';
import { clockTime, id, isoDate, optionalLine, optionalText, requiredLine } from './fields';
import { input, inputShape, patchSchema, show, type Editable, type RecordOf } from './recordFields';

/**
 * A group event, declared once (see recordFields.ts). Not a person's record, but a person's copy
 * shows the events they registered for by their kind, title and date.
 */
export const eventFields = {
  type: input(listCode, show.listCode('Kind of group', 'event_type')),
  title: input(optionalLine(120), show.text('Title')),
  heldOn: input(isoDate('Enter the date of the event.'), show.date('Held on')),
  startTime: input(clockTime),
  facilitator: input(requiredLine(100, 'Enter who facilitated the event.')),
  siteId: input(id.optional().nullable().transform((v) => v ?? null)),
  /** Online or in person (the event_mode list); optional, as events recorded before it have none. */
  mode: input(listCode.optional().nullable().transform((v) => v ?? null)),
  notes: input(optionalText(2000)),
};

export const newGroupEventSchema = z.object(inputShape(eventFields));
/** A change to an event: only the fields sent. */
export const updateGroupEventSchema = patchSchema(eventFields, { id });
export type GroupEventPatch = Omit<z.output<typeof updateGroupEventSchema>, 'id'>;
export type GroupEventDetails = Editable<typeof eventFields>;

/** A person's place at an event. */
export const registrationFields = {
  registered: input(z.boolean(), show.yesNo('Registered')),
  /** Null until the event has happened. */
  attended: input(z.boolean().nullable(), show.yesNo('Attended', 'Not yet recorded')),
};

/** An event as the person's record (and copy) shows it: what it was, and whether they came. */
export const personGroupFields = {
  type: eventFields.type,
  title: eventFields.title,
  heldOn: eventFields.heldOn,
  ...registrationFields,
};

export const setRegistrationSchema = z.object({ eventId: id, personId: id, ...inputShape(registrationFields) });

export const removeRegistrationSchema = z.object({ eventId: id, personId: id });

export interface GroupEventSummary extends GroupEventDetails {
  id: number;
  registered: number;
  attended: number;
  /** Registered, and recorded as not attending. */
  droppedOut: number;
}

export interface GroupParticipant extends RecordOf<typeof registrationFields> {
  personId: number;
  caseId: string;
  preferredName: string;
}

/** One of the events on a person's record. */
export interface PersonGroup extends RecordOf<typeof personGroupFields> {
  eventId: number;
}

export interface GroupEvent extends GroupEventSummary {
  participants: GroupParticipant[];
}
