// Quick set-up for journeys that start mid-caseload: the workspace and records are made through
// the same dispatcher the screens use (real validation, real encrypted database), so a test can
// begin with a referral that arrived three weeks ago without clicking through three weeks.
import type { AppContext } from '../../core/api/context';
import type { MethodInput } from '../../core/api/contract';
import type { PersonRecord } from '../../core/domain/record';
import { join } from 'node:path';
import { defaultBackupFolder } from '../../db/backupFolders';
import { lock, whenSettled } from '../../core/api/handlers';
import { must, testContext } from '../support/workspace';
import { PASSPHRASE } from './fixtures';

export async function seedWorkspace(ctx: AppContext): Promise<void> {
  await must(ctx, 'workspace.create', { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE });
}

/** A member the coordinator added, with their own passphrase (the add dialog is tested in members.spec.ts). */
export async function addMember(ctx: AppContext, name: string, role: MethodInput<'members.add'>['role'], passphrase: string): Promise<void> {
  await must(ctx, 'members.add', { name, role, passphrase });
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

/** Locks the seeded caseload, as a worker leaving the PC would: the page then opens on the lock screen. */
export async function lockSeeded(ctx: AppContext): Promise<void> {
  lock(ctx);
  await whenSettled(ctx);
}

/** A contact on the person's current episode: planned (no attendance) unless told otherwise. */
export async function contact(ctx: AppContext, person: PersonRecord, c: Partial<MethodInput<'contacts.create'>> = {}): Promise<PersonRecord> {
  return must(ctx, 'contacts.create', { episodeId: person.episodes[0].id, contactOn: today(), mode: 'in_clinic', type: 'one_to_one', attendance: null, ...c });
}

/**
 * The old PC: a caseload with one person in `dir` and a backup of it, locked. Returns the
 * backup's full path and when it was taken, as a worker would find them on a network drive.
 */
export async function caseloadWithBackup(dir: string, people = ['Amara Okonkwo']): Promise<{ path: string; takenAt: string }> {
  const ctx = testContext(dir);
  try {
    await seedWorkspace(ctx);
    await whenSettled(ctx);
    for (const preferredName of people) await refer(ctx, { preferredName });
    const made = await must(ctx, 'backups.create', {});
    return { path: join(defaultBackupFolder(dir), made.fileName), takenAt: made.takenAt };
  } finally {
    lock(ctx);
    await whenSettled(ctx);
  }
}

/** DD/MM/YYYY HH:mm in the UK, as the screens show a moment. */
export function shownAt(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
