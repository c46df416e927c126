// Which tone each status is shown in: one table, so the same status looks the same everywhere.
import type { Tone } from '../../shared/Tag';

const TONE: Record<string, Tone> = {
  // referral status
  received: 'warning',
  contact_attempted: 'warning',
  engaged: 'good',
  declined: 'neutral',
  not_contactable: 'neutral',
  // attendance
  attended: 'good',
  // Not a risk: red is kept for risk and safety.
  dna: 'warning',
  cancelled_by_person: 'neutral',
  cancelled_by_service: 'neutral',
  planned: 'info',
  // goals
  open: 'info',
  achieved: 'good',
  partly: 'warning',
  not_achieved: 'neutral',
  dropped: 'neutral',
  // signposting
  pending: 'warning',
  accessed: 'good',
  not_taken_up: 'neutral',
  not_eligible: 'neutral',
  unknown: 'neutral',
};

export function statusTone(code: string | null | undefined): Tone {
  return (code && TONE[code]) || 'neutral';
}
