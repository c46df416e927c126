// Groups and workshops: an event, who registered and who came (the drop-out figure).
import { z } from 'zod';
import { groupEventType } from './codes';
import { clockTime, id, isoDate, optionalLine, optionalText, requiredLine } from './fields';

const eventFields = {
  type: groupEventType.schema,
  title: optionalLine(120),
  heldOn: isoDate('Enter the date of the event.'),
  startTime: clockTime,
  facilitator: requiredLine(100, 'Enter who facilitated the event.'),
  siteId: id.optional().nullable().transform((v) => v ?? null),
  notes: optionalText(2000),
};

export const newGroupEventSchema = z.object(eventFields);
export const updateGroupEventSchema = z.object({ id, ...eventFields });

export const setRegistrationSchema = z.object({
  eventId: id,
  personId: id,
  registered: z.boolean(),
  /** Null until the event has happened. */
  attended: z.boolean().nullable(),
});

export const removeRegistrationSchema = z.object({ eventId: id, personId: id });

export interface GroupEventSummary {
  id: number;
  type: string;
  title: string | null;
  heldOn: string;
  startTime: string | null;
  facilitator: string;
  siteId: number | null;
  notes: string | null;
  registered: number;
  attended: number;
  /** Registered, and recorded as not attending. */
  droppedOut: number;
}

export interface GroupParticipant {
  personId: number;
  caseId: string;
  preferredName: string;
  registered: boolean;
  attended: boolean | null;
}

export interface GroupEvent extends GroupEventSummary {
  participants: GroupParticipant[];
}
