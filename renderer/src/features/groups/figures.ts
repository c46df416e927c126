// The drop-out figure the programmes report: people who registered for an event but did not
// come. Counted only once the event's day has come; attendance not yet recorded is kept apart.
import type { GroupParticipant } from '../../../../core/domain/group';

export interface Turnout {
  registered: number;
  attended: number;
  /** Registered and recorded as not attending. */
  droppedOut: number;
  /** Registered, with attendance not recorded yet. */
  unrecorded: number;
  /** Came without registering. */
  walkIns: number;
}

export function turnout(participants: GroupParticipant[]): Turnout {
  const registered = participants.filter((p) => p.registered);
  return {
    registered: registered.length,
    attended: participants.filter((p) => p.attended === true).length,
    droppedOut: registered.filter((p) => p.attended === false).length,
    unrecorded: registered.filter((p) => p.attended === null).length,
    walkIns: participants.filter((p) => !p.registered && p.attended === true).length,
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '' : `${Math.round((part / whole) * 100)}%`;
}
