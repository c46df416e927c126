// Words for the schedule's codes, shared by the record and My day.
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import type { InstrumentId } from '../../../../core/domain/instruments/types';

export function instrumentName(id: string): string {
  return INSTRUMENTS[id as InstrumentId]?.shortName ?? id;
}

export function dueKind(kind: 'baseline' | 'follow_up'): string {
  return kind === 'baseline' ? 'baseline' : 'follow-up';
}
