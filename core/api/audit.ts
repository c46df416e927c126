// What each call writes to the audit log: the method, who, and which record by id. Never a
// name or a note. Reads that show a person's record are audited too.
import type { AuditInput } from '../../db/queries/audit';
import type { MethodName } from './contract';

type Described = Omit<AuditInput, 'at' | 'memberId'>;

const personOf = (value: unknown) => ((value as { id?: unknown })?.id as number | undefined) ?? null;

/** Null: not audited (status checks, lists, previews, progress). */
export function describeCall(name: MethodName, input: unknown, value: unknown): Described | null {
  const i = input as Record<string, unknown>;
  if (name === 'people.get') return { action: 'person.viewed', entity: 'person', entityId: i.id as number };
  if (name === 'people.subjectAccess') {
    // Which record and which file (by its fingerprint): the file name carries no identity either.
    const v = value as { format: string; sha256: string };
    return { action: 'person.subject_access_copy', entity: 'person', entityId: i.id as number, detail: { format: v.format, sha256: v.sha256 } };
  }
  if (name === 'exports.run') {
    const v = value as { rows: number; sha256: string; identifiable: boolean; encrypted: boolean; fileName: string };
    const period = i.period as { start: string; end: string };
    return {
      action: name,
      entity: 'export',
      detail: { profileId: i.profileId as string, periodStart: period.start, periodEnd: period.end, rows: v.rows, sha256: v.sha256, identifiable: v.identifiable, encrypted: v.encrypted },
    };
  }
  if (/^(people\.(create|update)|episodes\.|attempts\.|contacts\.|goals\.|signposting\.|risks\.|assessments\.|engagement\.)/.test(name)) {
    return { action: name, entity: 'person', entityId: personOf(value) };
  }
  if (name.startsWith('groups.') && name !== 'groups.list' && name !== 'groups.get') return { action: name, entity: 'group', entityId: (value as { id: number }).id };
  if (/^(settings\.update|sites\.save|licences\.confirm|exports\.(saveProfile|deleteProfile|importProfile))$/.test(name)) {
    // Which settings changed, not their values: an escalation route is free text.
    return { action: name, entity: 'settings', detail: { keys: Object.keys(i).sort().join(',') } };
  }
  if (name === 'backups.create') {
    const v = value as { fileName: string; people: number | null };
    return { action: name, entity: 'backup', detail: { fileName: v.fileName, people: v.people } };
  }
  if (name === 'audit.export') {
    const v = value as { rows: number; sha256: string };
    // Which filter, not only how many rows: the same rows mean different things by date.
    return { action: name, entity: 'export', detail: { from: (i.from as string) ?? null, to: (i.to as string) ?? null, action: (i.action as string) ?? null, rows: v.rows, sha256: v.sha256 } };
  }
  if (name === 'session.unlock' || name === 'workspace.create') return { action: name, entity: 'session' };
  // Its own action, naming whose passphrase was replaced (the member signed in by it).
  if (name === 'session.recover') return { action: name, entity: 'member', entityId: (value as { memberId?: number }).memberId ?? null };
  // In the training caseload's own log: the trainee signed in.
  if (name === 'training.open' || name === 'training.reset') return { action: 'session.unlock', entity: 'session' };
  return null;
}
