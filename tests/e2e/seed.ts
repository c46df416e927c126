// Quick set-up for journeys that start mid-caseload: the workspace and records are made through
// the same dispatcher the screens use (real validation, real encrypted database), so a test can
// begin with a referral that arrived three weeks ago without clicking through three weeks.
import type { AppContext } from '../../core/api/context';
import type { MethodInput } from '../../core/api/contract';
import type { PersonRecord } from '../../core/domain/record';
import { must } from '../support/workspace';
import { PASSPHRASE } from './fixtures';

export async function seedWorkspace(ctx: AppContext): Promise<void> {
  await must(ctx, 'workspace.create', { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE });
}

/** A calendar date `days` before today, as the app stores it. */
export function daysAgo(days: number, from = new Date()): string {
  const d = new Date(from);
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const today = () => daysAgo(0);

/** DD/MM/YYYY, as the screens show an ISO date. */
export const shown = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Referral = Partial<MethodInput<'people.create'>> & { preferredName: string; referredDaysAgo?: number };

/** Someone newly referred: by default through the opt-out pathway, today. */
export async function refer(ctx: AppContext, r: Referral): Promise<PersonRecord> {
  const { referredDaysAgo = 0, ...rest } = r;
  return must(ctx, 'people.create', {
    dateOfBirth: '1990-05-17',
    referralReceivedOn: daysAgo(referredDaysAgo),
    referralSource: 'opt_out_clinic',
    pathway: 'opt_out_new_diagnosis',
    ...rest,
  });
}

/** A contact on the person's current episode: planned (no attendance) unless told otherwise. */
export async function contact(ctx: AppContext, person: PersonRecord, c: Partial<MethodInput<'contacts.create'>> = {}): Promise<PersonRecord> {
  return must(ctx, 'contacts.create', { episodeId: person.episodes[0].id, contactOn: today(), mode: 'in_clinic', type: 'one_to_one', attendance: null, ...c });
}
